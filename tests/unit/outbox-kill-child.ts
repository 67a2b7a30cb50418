/**
 * One sender process for the kill test (outbox-kill.test.ts bundles it): the app's own sender loop with the real
 * Resend and GatewayAPI transports, configured by the environment, running until it is killed.
 */
import { setClockOffset } from "../../app/utils/clock";
import { db } from "../../app/db.server";
import { startSenderLoop } from "../../app/messaging/outbox-sender.server";

setClockOffset(Number(process.env.CLOCK_OFFSET_MS ?? 0));
db();
const stop = startSenderLoop(Number(process.env.OUTBOX_INTERVAL_MS ?? 20));
process.on("SIGTERM", () => {
  void stop().finally(() => process.exit(0));
});
process.stdout.write("ready\n");
setInterval(() => {}, 1 << 30);
