-- The ledger is append-only: refuse UPDATE and DELETE on events at the database, not just in the app, so a
-- stray script or a console session cannot rewrite history without first dropping these triggers (itself
-- visible, and caught by chain verification anyway).
CREATE TRIGGER `events_no_update` BEFORE UPDATE ON `events`
BEGIN
	SELECT RAISE(ABORT, 'the ledger is append-only: events cannot be updated');
END;
--> statement-breakpoint
CREATE TRIGGER `events_no_delete` BEFORE DELETE ON `events`
BEGIN
	SELECT RAISE(ABORT, 'the ledger is append-only: events cannot be deleted');
END;
