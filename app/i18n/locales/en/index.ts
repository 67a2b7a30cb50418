import type { Translation } from "../da";
import common from "./common";
import auth from "./auth";
import staff from "./staff";
import enumLabels from "./enum";
import privacy from "./privacy";
import messaging from "./messaging";

const en: Translation = { common, auth, staff, enum: enumLabels, privacy, messaging };
export default en;
