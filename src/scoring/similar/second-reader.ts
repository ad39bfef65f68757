import data from './level-model.json'
import { type LevelModelData, loadLevelModel } from './level-model'

/** The trained second reader, loaded once (see level-model.ts; retrain with `npm run score:train`). */
export const secondReaderData = data as unknown as LevelModelData
export const secondReader = loadLevelModel(secondReaderData)
