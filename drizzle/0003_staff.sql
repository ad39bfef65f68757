CREATE TABLE `canned_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`updated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `canned_replies_lang_idx` ON `canned_replies` (`lang`);--> statement-breakpoint
CREATE TABLE `case_links` (
	`case_id` text NOT NULL,
	`tip_id` text NOT NULL,
	`linked_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_links_case_tip_idx` ON `case_links` (`case_id`,`tip_id`);--> statement-breakpoint
CREATE INDEX `case_links_tip_idx` ON `case_links` (`tip_id`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`author_id` text NOT NULL,
	`key_id` text NOT NULL,
	`nonce` blob NOT NULL,
	`body` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_case_idx` ON `case_notes` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`school_id` integer,
	`session_version` integer DEFAULT 0 NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`require_totp` integer DEFAULT false NOT NULL,
	`totp_key_id` text,
	`totp_nonce` blob,
	`totp_body` blob,
	`totp_enabled` integer DEFAULT false NOT NULL,
	`totp_last_step` integer,
	`recovery_hashes` text,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_email_unique` ON `staff` (`email`);--> statement-breakpoint
ALTER TABLE `cases` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `category_mask` integer DEFAULT 0 NOT NULL;