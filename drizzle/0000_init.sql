CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`school_id` integer NOT NULL,
	`level` text NOT NULL,
	`scorer_level` text NOT NULL,
	`priority` integer GENERATED ALWAYS AS ((CASE "level" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)) VIRTUAL NOT NULL,
	`state` text DEFAULT 'new' NOT NULL,
	`escalated` integer DEFAULT false NOT NULL,
	`assignee_id` text,
	`first_response_due_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`acknowledged_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference_unique` ON `cases` (`reference`);--> statement-breakpoint
CREATE INDEX `cases_queue_idx` ON `cases` (`state`,`priority`,`first_response_due_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_school_queue_idx` ON `cases` (`school_id`,`state`,`priority`,`first_response_due_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_assignee_idx` ON `cases` (`assignee_id`,`state`);--> statement-breakpoint
CREATE INDEX `cases_unacknowledged_due_idx` ON `cases` (`first_response_due_at`) WHERE "state" = 'new';--> statement-breakpoint
CREATE TABLE `events` (
	`seq` integer PRIMARY KEY NOT NULL,
	`case_id` text,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_prev_hash_idx` ON `events` (`prev_hash`);--> statement-breakpoint
CREATE INDEX `events_case_idx` ON `events` (`case_id`,`seq`);--> statement-breakpoint
CREATE TABLE `informant_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_hash` text NOT NULL,
	`label` text NOT NULL,
	`role` text NOT NULL,
	`school_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `informant_codes_code_hash_unique` ON `informant_codes` (`code_hash`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`tip_id` text NOT NULL,
	`direction` text NOT NULL,
	`author_id` text,
	`key_id` text NOT NULL,
	`nonce` blob NOT NULL,
	`body` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_tip_idx` ON `messages` (`tip_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_case_idx` ON `messages` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `schools` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schools_code_unique` ON `schools` (`code`);--> statement-breakpoint
CREATE TABLE `tips` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`school_id` integer NOT NULL,
	`receipt_hash` text NOT NULL,
	`reporter` text NOT NULL,
	`channel` text DEFAULT 'web' NOT NULL,
	`place` text,
	`ongoing` integer,
	`informant_code_id` integer,
	`lang` text NOT NULL,
	`reporter_categories` text,
	`level` text NOT NULL,
	`score` integer NOT NULL,
	`categories` text NOT NULL,
	`signals` text NOT NULL,
	`scorer_version` text NOT NULL,
	`key_id` text NOT NULL,
	`nonce` blob NOT NULL,
	`body` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`informant_code_id`) REFERENCES `informant_codes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tips_receipt_hash_idx` ON `tips` (`receipt_hash`);--> statement-breakpoint
CREATE INDEX `tips_case_idx` ON `tips` (`case_id`);--> statement-breakpoint
CREATE INDEX `tips_school_created_idx` ON `tips` (`school_id`,`created_at`);