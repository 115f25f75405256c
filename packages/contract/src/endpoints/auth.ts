import { LoginBody, Me, SetLocale } from '../auth';
import { Ok } from '../common';
import { PUBLIC, SIGNED_IN, defineEndpoints } from '../endpoint';

/** Signing in and out, and the signed-in user (the password change is in endpoints/security.ts). */
export const authEndpoints = defineEndpoints('auth', {
  // Sets the session cookie (httpOnly) and the CSRF cookie; refused from another site's Origin.
  'POST /api/auth/login': { body: LoginBody, response: Me, access: PUBLIC },
  // Ends the session if there is one and clears both cookies; answers ok either way.
  'POST /api/auth/logout': { response: Ok, access: PUBLIC },
  'GET /api/me': { response: Me, access: SIGNED_IN },
  'PUT /api/me/locale': { body: SetLocale, response: Ok, access: SIGNED_IN },
});
