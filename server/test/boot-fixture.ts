/**
 * An app process as `next start` boots it (server/boot.ts through instrumentation.ts), for the test that
 * sends it SIGTERM; the HTTP server that would hold it open is a timer here.
 */
import { bootstrap } from "@/server/boot";

setInterval(() => {}, 60_000);
await bootstrap();
