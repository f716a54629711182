// The one audience every Intelligence client assertion carries (Salesforce Help, "Generate a JSON Web Token (JWT)").

/** The exact `aud` of an Intelligence client assertion; the docs' sample adds a stray `"` after it, a typo users copy. */
export const INTELLIGENCE_AUDIENCE = 'https://idp.intelligence.salesforce.com';
