CREATE TABLE `notify_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_id` integer,
	`role` text NOT NULL,
	`call_order` integer,
	`label` text NOT NULL,
	`format` text NOT NULL,
	`url` text NOT NULL,
	`secret` text,
	`mention` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notify_targets_school_idx` ON `notify_targets` (`school_id`,`role`,`call_order`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text,
	`target_key` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`message` text NOT NULL,
	`created_at` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`delivered_at` integer,
	`failed_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_idx` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`next_attempt_at`) WHERE "delivered_at" IS NULL AND "failed_at" IS NULL;--> statement-breakpoint
CREATE INDEX `outbox_case_idx` ON `outbox` (`case_id`);--> statement-breakpoint
CREATE TABLE `related_tips` (
	`tip_id` text NOT NULL,
	`case_id` text NOT NULL,
	`related_tip_id` text NOT NULL,
	`related_case_id` text NOT NULL,
	`kinds` text NOT NULL,
	`shared` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tip_id`, `related_tip_id`),
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`related_tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`related_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `related_tips_case_idx` ON `related_tips` (`case_id`);--> statement-breakpoint
CREATE INDEX `related_tips_related_case_idx` ON `related_tips` (`related_case_id`);--> statement-breakpoint
CREATE TABLE `tip_terms` (
	`tip_id` text NOT NULL,
	`school_id` integer NOT NULL,
	`kind` text NOT NULL,
	`term_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tip_id`, `term_hash`),
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tip_terms_lookup_idx` ON `tip_terms` (`school_id`,`term_hash`,`created_at`);--> statement-breakpoint
DROP INDEX `cases_unacknowledged_due_idx`;--> statement-breakpoint
ALTER TABLE `cases` ADD `resolution_due_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `first_response_overdue_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `resolution_overdue_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `escalated_to` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `district_escalated_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `call_down_step` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `call_down_next_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `follow_up_due_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `follow_up_reminded_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `follow_up_done_at` integer;--> statement-breakpoint
CREATE INDEX `cases_first_response_sweep_idx` ON `cases` (`first_response_due_at`) WHERE "state" = 'new' AND "first_response_overdue_at" IS NULL;--> statement-breakpoint
CREATE INDEX `cases_resolution_sweep_idx` ON `cases` (`resolution_due_at`) WHERE "state" IN ('new', 'acknowledged', 'investigating') AND "resolution_overdue_at" IS NULL;--> statement-breakpoint
CREATE INDEX `cases_follow_up_sweep_idx` ON `cases` (`follow_up_due_at`) WHERE "state" = 'resolved' AND "follow_up_reminded_at" IS NULL AND "follow_up_done_at" IS NULL;--> statement-breakpoint
CREATE INDEX `cases_call_down_sweep_idx` ON `cases` (`call_down_next_at`) WHERE "call_down_next_at" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `events_once_idx` ON `events` (`case_id`,("payload" ->> '$.once')) WHERE "action" IN ('case.overdue', 'case.escalated_auto', 'case.call_down', 'case.follow_up_due');