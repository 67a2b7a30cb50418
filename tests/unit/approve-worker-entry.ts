/** What the concurrency test's worker threads load (bundled by the test). */
export { approveMatch } from "../../app/services/match-approval.server";
export { db } from "../../app/db.server";
