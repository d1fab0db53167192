/** A Standard Webhooks signing secret: `whsec_` and 32 bytes (256 bits) from the platform's CSPRNG in base64 (50 characters). */
export function generateWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}
