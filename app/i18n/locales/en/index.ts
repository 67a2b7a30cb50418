import type { Translation } from "../da";
import common from "./common";
import auth from "./auth";
import staff from "./staff";
import enumLabels from "./enum";

const en: Translation = { common, auth, staff, enum: enumLabels };
export default en;
