/** The session cookie's name (better-auth's under our prefix); browsers get `__Secure-` in front over https. */
export const SESSION_COOKIE = "chainline.session_token";
