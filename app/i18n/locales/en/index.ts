import type { Translation } from "../da";
import common from "./common";
import auth from "./auth";
import staff from "./staff";
import enumLabels from "./enum";
import privacy from "./privacy";
import matching from "./matching";

const en: Translation = { common, auth, staff, enum: enumLabels, privacy, matching };
export default en;
