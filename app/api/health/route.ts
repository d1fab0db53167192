// GET /api/health — the readiness check under its first name (Playwright and bench:chat wait on it); see /api/health/ready.
export { GET } from "./ready/route";
