ALTER TABLE `messages` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `lease_until` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `secrets` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `payload` text;--> statement-breakpoint
-- Messages still to be sent keep the bytes they were first rendered with: that rendering becomes their payload, with
-- the opt-out link of its footer (the List-Unsubscribe header), so a retry stays byte-identical across the upgrade.
UPDATE `messages` SET `payload` = json_object(
  'subject', `rendered_subject`, 'text', `rendered_text`, 'html', `rendered_html`,
  'unsubscribeUrl', CASE
    WHEN instr(`rendered_text`, 'Afmeld her: http') > 0 THEN substr(`rendered_text`, instr(`rendered_text`, 'Afmeld her: http') + 12)
    WHEN instr(`rendered_text`, 'Unsubscribe here: http') > 0 THEN substr(`rendered_text`, instr(`rendered_text`, 'Unsubscribe here: http') + 18)
  END)
WHERE `status` IN ('queued', 'sending', 'failed') AND `rendered_text` IS NOT NULL;--> statement-breakpoint
-- Live links leave `data`: kept apart (secrets) while the message may still be sent, masked in `data` for good.
UPDATE `messages` SET `secrets` = json_object('url', json_extract(`data`, '$.url'))
WHERE `template` IN ('password_reset', 'caseworker_invitation', 'mentor_verify', 'survey_mentee')
  AND `status` IN ('queued', 'sending', 'failed') AND json_extract(`data`, '$.url') IS NOT NULL;--> statement-breakpoint
UPDATE `messages` SET `data` = json_set(`data`, '$.url',
  rtrim(json_extract(`data`, '$.url'), replace(json_extract(`data`, '$.url'), '/', '')) || '•••')
WHERE `template` IN ('password_reset', 'caseworker_invitation', 'mentor_verify', 'survey_mentee')
  AND json_extract(`data`, '$.url') IS NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` DROP COLUMN `rendered_subject`;--> statement-breakpoint
ALTER TABLE `messages` DROP COLUMN `rendered_text`;--> statement-breakpoint
ALTER TABLE `messages` DROP COLUMN `rendered_html`;--> statement-breakpoint
-- Once a message is final (sent, delivered, cancelled) nothing reads its payload or secrets again: drop them, whichever
-- code path changed the status (docs/decisions/003-outbox.md).
CREATE TRIGGER messages_drop_payload_when_final AFTER UPDATE OF `status` ON `messages`
WHEN NEW.`status` IN ('sent', 'delivered', 'cancelled') AND (NEW.`payload` IS NOT NULL OR NEW.`secrets` IS NOT NULL)
BEGIN UPDATE `messages` SET `payload` = NULL, `secrets` = NULL WHERE `id` = NEW.`id`; END;
