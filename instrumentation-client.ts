// Runs in the browser before the app's own code. Zod (used by the chat client) probes whether it may
// compile parsers with `new Function`; under the pages' Content-Security-Policy (no 'unsafe-eval') the
// probe is refused, and the browser reports that refusal as a CSP violation even though Zod copes.
// Jitless mode skips the probe.
import { z } from "zod";

z.config({ jitless: true });
