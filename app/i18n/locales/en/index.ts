import type { Translation } from "../da";
import common from "./common";
import auth from "./auth";
import staff from "./staff";
import enumLabels from "./enum";
import privacy from "./privacy";
import volunteer from "./volunteer";
import referrals from "./referrals";
import competence from "./competence";
import companies from "./companies";
import municipalities from "./municipalities";
import reports from "./reports";
import courses from "./courses";
import matching from "./matching";
import messaging from "./messaging";
import legal from "./legal";
import between from "./between";
import demand from "./demand";

const en: Translation = {
  common,
  auth,
  staff,
  enum: enumLabels,
  privacy,
  volunteer,
  referrals,
  competence,
  companies,
  municipalities,
  reports,
  courses,
  matching,
  messaging,
  legal,
  between,
  demand,
};
export default en;
