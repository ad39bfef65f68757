import { describe, expect, it } from 'vitest'
import { policies } from '../../src/auth/policies'
import {
  type Principal,
  type Role,
  type Scope,
  canAccess,
  reachOf,
  roleLabels,
  roles,
  scopes,
} from '../../src/auth/roles'

// The principal's school is always S01; "own" is S01, "other" is S02, "none" is district-wide data.
const resources = { own: 'S01', other: 'S02', none: null } as const
type Resource = keyof typeof resources
type Row = Record<Scope, Record<Resource, '✓' | '✗'>>

const principals: Record<string, Principal> = {
  'a counselor of S01': { role: 'counselor', school: 'S01' },
  'a counselor without a school': { role: 'counselor', school: null },
  'a legal vice-principal of S01': { role: 'legal_vp', school: 'S01' },
  'a district-wide legal vice-principal': { role: 'legal_vp', school: null },
  'a district admin': { role: 'district_admin', school: null },
  'a district admin with a school on the account': { role: 'district_admin', school: 'S01' },
}

// Written out by hand, not derived from the code under test: this is the specification.
const expected: Record<keyof typeof principals, Row> = {
  'a counselor of S01': {
    own_school: { own: '✓', other: '✗', none: '✗' },
    district: { own: '✗', other: '✗', none: '✗' },
    any: { own: '✓', other: '✓', none: '✓' },
  },
  'a counselor without a school': {
    own_school: { own: '✗', other: '✗', none: '✗' },
    district: { own: '✗', other: '✗', none: '✗' },
    any: { own: '✓', other: '✓', none: '✓' },
  },
  'a legal vice-principal of S01': {
    own_school: { own: '✓', other: '✗', none: '✗' },
    district: { own: '✗', other: '✗', none: '✗' },
    any: { own: '✓', other: '✓', none: '✓' },
  },
  'a district-wide legal vice-principal': {
    own_school: { own: '✓', other: '✓', none: '✓' },
    district: { own: '✓', other: '✓', none: '✓' },
    any: { own: '✓', other: '✓', none: '✓' },
  },
  'a district admin': {
    own_school: { own: '✓', other: '✓', none: '✓' },
    district: { own: '✓', other: '✓', none: '✓' },
    any: { own: '✓', other: '✓', none: '✓' },
  },
  'a district admin with a school on the account': {
    own_school: { own: '✓', other: '✓', none: '✓' },
    district: { own: '✓', other: '✓', none: '✓' },
    any: { own: '✓', other: '✓', none: '✓' },
  },
}

const matrix = Object.entries(principals).flatMap(([who, principal]) =>
  scopes.flatMap((scope) =>
    (Object.keys(resources) as Resource[]).map((resource) => ({
      who,
      principal,
      scope,
      resource,
      allowed: expected[who]![scope][resource] === '✓',
    })),
  ),
)

describe('canAccess', () => {
  it('covers every role, scope and resource school in the matrix', () => {
    expect(new Set(Object.values(principals).map((p) => p.role))).toEqual(new Set(roles))
    expect(matrix).toHaveLength(6 * 3 * 3)
  })

  it.each(matrix)(
    '$who, on a route of scope $scope open to every role, reaching $resource school data: allowed=$allowed',
    ({ principal, scope, resource, allowed }) => {
      const decision = canAccess({ roles, scope }, principal, resources[resource])
      expect(decision).toEqual(allowed ? { allowed: true } : { allowed: false, reason: 'scope' })
    },
  )

  it.each(matrix)(
    '$who is refused for role on a $scope route reaching $resource school data when the route leaves the role out',
    ({ principal, scope, resource }) => {
      const others = roles.filter((r) => r !== principal.role)
      expect(canAccess({ roles: others, scope }, principal, resources[resource])).toEqual({
        allowed: false,
        reason: 'role',
      })
    },
  )

  it('refuses everyone on a route that lists no roles', () => {
    for (const principal of Object.values(principals)) {
      expect(canAccess({ roles: [], scope: 'any' }, principal, null)).toEqual({ allowed: false, reason: 'role' })
    }
  })
})

describe('reachOf', () => {
  it.each<[Role, string | null, ReturnType<typeof reachOf>]>([
    ['counselor', 'S01', { kind: 'school', school: 'S01' }],
    ['counselor', null, { kind: 'none' }],
    ['legal_vp', 'S01', { kind: 'school', school: 'S01' }],
    ['legal_vp', null, { kind: 'district' }],
    ['district_admin', null, { kind: 'district' }],
    ['district_admin', 'S01', { kind: 'district' }],
  ])('gives a %s with school %s the reach %j', (role, school, reach) => {
    expect(reachOf({ role, school })).toEqual(reach)
  })
})

describe('policies', () => {
  const counselor: Principal = { role: 'counselor', school: 'S01' }
  const schoolVp: Principal = { role: 'legal_vp', school: 'S01' }
  const districtVp: Principal = { role: 'legal_vp', school: null }
  const admin: Principal = { role: 'district_admin', school: null }

  it('lets the school’s counselors and the district admins work its cases, never legal vice-principals', () => {
    expect(canAccess(policies.caseWork, counselor, 'S01').allowed).toBe(true)
    expect(canAccess(policies.caseWork, counselor, 'S02').allowed).toBe(false)
    expect(canAccess(policies.caseWork, schoolVp, 'S01')).toEqual({ allowed: false, reason: 'role' })
    expect(canAccess(policies.caseWork, districtVp, 'S01')).toEqual({ allowed: false, reason: 'role' })
    expect(canAccess(policies.caseWork, admin, 'S01')).toEqual({ allowed: true }) // district oversight (issue 4)
  })

  it('shows a school’s trends to its own staff and to the district, and district trends only to the district', () => {
    expect(canAccess(policies.trends, schoolVp, 'S01').allowed).toBe(true)
    expect(canAccess(policies.trends, schoolVp, 'S02').allowed).toBe(false)
    expect(canAccess(policies.trends, schoolVp, null).allowed).toBe(false)
    expect(canAccess(policies.trends, counselor, 'S01').allowed).toBe(true)
    expect(canAccess(policies.trends, districtVp, null).allowed).toBe(true)
    expect(canAccess(policies.trends, admin, 'S02').allowed).toBe(true)
  })

  it('keeps administration to district admins', () => {
    expect(canAccess(policies.administration, admin, null).allowed).toBe(true)
    expect(canAccess(policies.administration, districtVp, null).allowed).toBe(false)
    expect(canAccess(policies.administration, counselor, 'S01').allowed).toBe(false)
  })

  it('lets every role manage its own account', () => {
    for (const role of roles) expect(canAccess(policies.ownAccount, { role, school: null }, null).allowed).toBe(true)
  })
})

describe('roleLabels', () => {
  it('names every role in Chinese and English', () => {
    for (const role of roles) {
      expect(roleLabels[role]['zh-CN']).not.toBe('')
      expect(roleLabels[role].en).not.toBe('')
    }
  })
})
