CREATE TABLE `data_stamps` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The stamps of the computed pages' caches (data_stamps in db/schema.ts, decision 016): any write to a table a cached
-- page reads adds one to its stamp in the same statement, so a cached answer never outlives the data it came from.
INSERT INTO `data_stamps` (`name`, `n`) VALUES ('reports', 0), ('demand', 0);
--> statement-breakpoint
CREATE TRIGGER mentee_facts_stamp_insert AFTER INSERT ON `mentee_facts` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` IN ('reports', 'demand'); END;
--> statement-breakpoint
CREATE TRIGGER mentee_facts_stamp_update AFTER UPDATE ON `mentee_facts` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` IN ('reports', 'demand'); END;
--> statement-breakpoint
CREATE TRIGGER mentee_facts_stamp_delete AFTER DELETE ON `mentee_facts` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` IN ('reports', 'demand'); END;
--> statement-breakpoint
CREATE TRIGGER course_facts_stamp_insert AFTER INSERT ON `course_facts` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` IN ('reports', 'demand'); END;
--> statement-breakpoint
CREATE TRIGGER course_facts_stamp_update AFTER UPDATE ON `course_facts` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` IN ('reports', 'demand'); END;
--> statement-breakpoint
CREATE TRIGGER course_facts_stamp_delete AFTER DELETE ON `course_facts` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` IN ('reports', 'demand'); END;
--> statement-breakpoint
CREATE TRIGGER course_on_track_stamp_insert AFTER INSERT ON `course_on_track` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER course_on_track_stamp_update AFTER UPDATE ON `course_on_track` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER course_on_track_stamp_delete AFTER DELETE ON `course_on_track` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER survey_facts_stamp_insert AFTER INSERT ON `survey_facts` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER survey_facts_stamp_update AFTER UPDATE ON `survey_facts` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER survey_facts_stamp_delete AFTER DELETE ON `survey_facts` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER course_goals_stamp_insert AFTER INSERT ON `course_goals` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER course_goals_stamp_update AFTER UPDATE ON `course_goals` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER course_goals_stamp_delete AFTER DELETE ON `course_goals` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER mentees_stamp_insert AFTER INSERT ON `mentees` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER mentees_stamp_update AFTER UPDATE ON `mentees` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER mentees_stamp_delete AFTER DELETE ON `mentees` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER mentors_stamp_insert AFTER INSERT ON `mentors` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER mentors_stamp_update AFTER UPDATE ON `mentors` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER mentors_stamp_delete AFTER DELETE ON `mentors` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER courses_stamp_insert AFTER INSERT ON `courses` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER courses_stamp_update AFTER UPDATE ON `courses` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER courses_stamp_delete AFTER DELETE ON `courses` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER mentee_industry_index_stamp_insert AFTER INSERT ON `mentee_industry_index` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER mentee_industry_index_stamp_update AFTER UPDATE ON `mentee_industry_index` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER mentee_industry_index_stamp_delete AFTER DELETE ON `mentee_industry_index` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER openings_stamp_insert AFTER INSERT ON `openings` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER openings_stamp_update AFTER UPDATE ON `openings` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER openings_stamp_delete AFTER DELETE ON `openings` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER placements_stamp_insert AFTER INSERT ON `placements` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER placements_stamp_update AFTER UPDATE ON `placements` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER placements_stamp_delete AFTER DELETE ON `placements` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER industries_stamp_insert AFTER INSERT ON `industries` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER industries_stamp_update AFTER UPDATE ON `industries` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER industries_stamp_delete AFTER DELETE ON `industries` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER municipalities_stamp_insert AFTER INSERT ON `municipalities` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER municipalities_stamp_update AFTER UPDATE ON `municipalities` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
--> statement-breakpoint
CREATE TRIGGER municipalities_stamp_delete AFTER DELETE ON `municipalities` BEGIN UPDATE `data_stamps` SET `n` = `n` + 1 WHERE `name` = 'demand'; END;
