/** Cookie holding the anonymous patient's session token; only its hash is stored with conversations. */
export const PATIENT_COOKIE = "fenshen_patient";
