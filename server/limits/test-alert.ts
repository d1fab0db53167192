import { type Limit, waitText } from "./rate-limit";

/**
 * Test alerts per organization: each one posts to a hospital's chat robot or webhook at once, so a
 * held-down button must not flood the ward's group (robots also throttle and then drop real alerts).
 */
export function testAlertLimit(orgId: string): Limit {
  return {
    key: `testalert:org:${orgId}`,
    max: 10,
    windowSeconds: 600,
    refusal: (seconds) => `Too many test alerts were sent for this organization. Please wait ${waitText(seconds)} and try again.`,
  };
}
