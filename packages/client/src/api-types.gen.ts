// Generated from GET /api/openapi.json by openapi-typescript; do not edit.
// Regenerate with `pnpm api-types` after changing a route (sync-server/src/routes/api-types.test.ts checks it).
export interface paths {
    "/api/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every admin action, newest first
         * @description Page with before=<nextBefore>.
         *
         *     Requires: admin.
         */
        get: operations["getApiAdminAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Outbox messages, newest first
         * @description What was sent (or, in the sandbox, would have been), what is retrying (pending), what died.
         *
         *     Requires: admin.
         */
        get: operations["getApiAdminOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbox/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dead letter again (audited)
         * @description Requires: admin.
         */
        post: operations["postApiAdminOutboxByIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reports/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Internal note on a report
         * @description Requires: admin.
         */
        post: operations["postApiAdminReportsByIdNotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reports/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply to the reporter
         * @description Mirrored into the report document; the reporter is notified.
         *
         *     Requires: admin.
         */
        post: operations["postApiAdminReportsByIdReplies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reports/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a report
         * @description submitted/triage → investigating → resolved | dismissed; anything else is 409 invalid_transition.
         *
         *     Requires: admin.
         */
        post: operations["postApiAdminReportsByIdStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/sync-issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Synced entries rejected or retrying, and documents left unreconciled too long (SS12)
         * @description Requires: admin.
         */
        get: operations["getApiAdminSyncIssues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Requires: admin.
         */
        get: operations["getApiAdminUsers"];
        put?: never;
        /**
         * Create a driver or admin account
         * @description Requires: admin.
         */
        post: operations["postApiAdminUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a staff account a driver or an admin
         * @description Its sessions end at once (access tokens refused on the next request, sockets closed with 4401) and a running shift ends. A rider: 409 not_staff; your own account: 409 own_role.
         *
         *     Requires: admin.
         */
        post: operations["postApiAdminUsersByIdRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a driver
         * @description No sign-in or refresh, sessions revoked, shift ended.
         *
         *     Requires: admin.
         */
        post: operations["postApiAdminUsersByIdSuspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/unsuspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift a suspension
         * @description Requires: admin.
         */
        post: operations["postApiAdminUsersByIdUnsuspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Wrong email or password: 401 invalid_credentials; a suspended account: 401 account_suspended. An account with a second factor gets an MFA challenge instead of tokens (answer it at /api/auth/mfa).
         */
        post: operations["postApiAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of a refresh token */
        post: operations["postApiAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a sign-in MFA challenge
         * @description A six-digit authenticator code, a passkey’s signature over the challenge’s `passkey` options, or one unused recovery code. A wrong code or passkey: 401 wrong_code; an expired, forged or already answered challenge: 401 mfa_challenge_invalid (enter the password again).
         */
        post: operations["postApiAuthMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the identity provider sends the browser back (a browser navigation)
         * @description Redirects to the app with #oidc=<single-use code>, or #oidc-error=<reason>: expired, denied, failed, email_not_verified, staff_account, account_suspended.
         */
        get: operations["getApiAuthOidcCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the single-use code from a provider sign-in for the sign-in answer
         * @description Tokens, or an MFA challenge for an account with a second factor. 400 oidc_code_invalid.
         */
        post: operations["postApiAuthOidcExchange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in with the identity provider (a browser navigation)
         * @description Redirects to the provider (302). Not configured: 404 oidc_not_configured. The provider unreachable: back to the app with #oidc-error=provider_unavailable.
         */
        get: operations["getApiAuthOidcStart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/passkey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a passkey
         * @description The signature over the challenge from /options. An unknown passkey or a bad signature: 401 passkey_invalid; an expired or reused token: 401 passkey_challenge_invalid; a suspended account: 401 account_suspended. Failures are throttled per passkey and client like passwords (429).
         */
        post: operations["postApiAuthPasskey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing in with a passkey
         * @description Options for `navigator.credentials.get()` (any passkey of this site on the device) and a token to send back with the signature within five minutes.
         */
        post: operations["postApiAuthPasskeyOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password
         * @description Every other session is signed out. A wrong current password is 400 wrong_password; an account made through an identity provider that has no password yet is 409 no_password (it sets one with a reset link).
         *
         *     Requires: any signed-in user.
         */
        post: operations["postApiAuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password-reset link
         * @description Always 202, whether or not the email has an account (no account enumeration). The link opens the reset screen of `app` and works once, for 30 minutes. Limited per client (429) and, silently, per account.
         */
        post: operations["postApiAuthPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset link
         * @description Ends every session of the account. A bad token is 400 with code reset_token_unknown, reset_token_used (used or replaced by a newer link) or reset_token_expired; a weak password 400 weak_password; an account suspended since the link was sent 401 account_suspended.
         */
        post: operations["postApiAuthPasswordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a refresh token
         * @description A reused refresh token ends its whole session family.
         */
        post: operations["postApiAuthRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rider sign-up */
        post: operations["postApiAuthRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public, cacheable app configuration: the map style, PMTiles archive and attribution, the identity provider, how cards are taken */
        get: operations["getApiConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/evidence/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes of an evidence file
         * @description To its uploaders and admins (404 to anyone else); never cached (no-store).
         *
         *     Requires: any signed-in user.
         */
        get: operations["getApiEvidenceBySha256"];
        /**
         * Upload a photo or video
         * @description Raw body; ≤ 10 MiB images, ≤ 50 MiB videos. The server hashes the body (it must equal the URL) and checks the type by content. 201 new, 200 already stored.
         *
         *     Requires: rider.
         */
        put: operations["putApiEvidenceBySha256"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gtfs-rt/trip-updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GTFS-Realtime TripUpdates: predicted arrivals at the coming stops of each tracked trip
         * @description One entity per bus on shift running a scheduled trip of the active feed, with a fix at most 90 s old: its position matched to the trip’s shape gives its delay, carried to every coming stop (never decreasing along the trip). If-Modified-Since → 304.
         */
        get: operations["getApiGtfsRtTripUpdates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gtfs-rt/vehicle-positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GTFS-Realtime VehiclePositions (protobuf; ?format=json for people)
         * @description The /live policy: buses on shift to anyone; signed in, your own vehicle exactly and other motos and cars anonymously (ids per answer). Vehicles on shift with a fix at most 90 s old; a bus on a scheduled trip carries its trip descriptor. If-Modified-Since → 304.
         */
        get: operations["getApiGtfsRtVehiclePositions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health: the database answers, which feed is active */
        get: operations["getApiHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orchestrator liveness: the process answers (no database access) */
        get: operations["getApiHealthLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Orchestrator readiness
         * @description The database and Redis answer and the process is not shutting down; else 503 naming what failed, with Retry-After.
         */
        get: operations["getApiHealthReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user
         * @description Requires: any signed-in user.
         */
        get: operations["getApiMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/cards/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start saving a card without paying
         * @description A SetupIntent on the rider’s Stripe Customer (made now if they have none), for the Payment Element to save a card with `stripe.confirmSetup`, and a Customer Session listing the cards already saved. 409 cards_not_configured where cards are not taken through Stripe (the sandbox).
         *
         *     Requires: rider.
         */
        post: operations["postApiMeCardsSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/language": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * The language push and email are written in (the one chosen in an app)
         * @description Requires: any signed-in user.
         */
        put: operations["putApiMeLanguage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller’s second factors
         * @description Requires: any signed-in user.
         */
        get: operations["getApiMeMfa"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the recovery codes
         * @description Needs the password again; the old codes stop working. Without a second factor: 409 no_mfa.
         *
         *     Requires: any signed-in user.
         */
        post: operations["postApiMeMfaRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start setting up an authenticator app
         * @description A new secret, shown this once, to confirm with a first code. 409 mfa_already_enrolled when one is set up.
         *
         *     Requires: any signed-in user.
         */
        post: operations["postApiMeMfaTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the authenticator app with its first code
         * @description Turns the factor on and returns ten single-use recovery codes, shown this once. A wrong code: 400 wrong_code. An admin with an enrolment-only token refreshes afterwards for a full one.
         *
         *     Requires: any signed-in user.
         */
        post: operations["postApiMeMfaTotpConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/mfa/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn the authenticator app off
         * @description Needs the password again; removes the recovery codes too unless a passkey remains. An admin whom the policy requires a factor cannot turn off the last one: 409 mfa_required.
         *
         *     Requires: any signed-in user.
         */
        post: operations["postApiMeMfaTotpDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Push and email switches
         * @description Requires: any signed-in user.
         */
        get: operations["getApiMeNotificationPreferences"];
        /**
         * Change the push and email switches
         * @description Requires: any signed-in user.
         */
        put: operations["putApiMeNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a passkey
         * @description The authenticator’s answer to /options. Verified (user verification required) and stored; the first factor on an account also answers ten recovery codes, shown this once. 400 passkey_rejected with the reason, 401 passkey_challenge_invalid for an expired or reused token, 409 passkey_exists.
         *
         *     Requires: any signed-in user.
         */
        post: operations["postApiMePasskeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/passkeys/{id}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a passkey
         * @description Needs the password again. An admin whom the policy requires a factor cannot remove the last one: 409 mfa_required. With no factor left the recovery codes go too.
         *
         *     Requires: any signed-in user.
         */
        post: operations["postApiMePasskeysByIdRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/passkeys/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start adding a passkey
         * @description The options for the browser’s `navigator.credentials.create()` (as @simplewebauthn/browser takes them) and a token to send back with its answer within five minutes.
         *
         *     Requires: any signed-in user.
         */
        post: operations["postApiMePasskeysOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/push-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register this device's push token (FCM, or a sandbox token)
         * @description Requires: any signed-in user.
         */
        post: operations["postApiMePushTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/push-tokens/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Stop push to this device
         * @description Requires: any signed-in user.
         */
        delete: operations["deleteApiMePushTokensByToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in devices of the caller
         * @description Requires: any signed-in user.
         */
        get: operations["getApiMeSessions"];
        put?: never;
        post?: never;
        /**
         * Sign out everywhere, this device included
         * @description Requires: any signed-in user.
         */
        delete: operations["deleteApiMeSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign one device out
         * @description Requires: any signed-in user.
         */
        delete: operations["deleteApiMeSessionsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active transit feed: feed_info version, content hash, time zone, service area */
        get: operations["getApiNetwork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/network/bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The offline planner bundle of the active feed
         * @description ETag is the feed hash; If-None-Match → 304.
         */
        get: operations["getApiNetworkBundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This description, generated from the routes */
        get: operations["getApiOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payments
         * @description Riders see their own, admins all.
         *
         *     Requires: rider or admin.
         */
        get: operations["getApiPayments"];
        put?: never;
        /**
         * Pay the rider's own trip
         * @description Again after a failure, or instead of cash. 201 a new payment, 200 the existing one; 409 payment_exists | trip_not_payable.
         *
         *     Requires: rider.
         */
        post: operations["postApiPayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/sandbox-card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay a card payment with a sandbox test card
         * @description Only where cards are not configured (no Stripe keys): the rider app's labelled test card form. Stripe's test numbers behave as in test mode; 4000 0027 6000 3184 answers authenticate: true until sent again with authentication complete or fail. 400 for any other number or an expired card; 409 not_awaiting_card | not_sandbox.
         *
         *     Requires: rider.
         */
        post: operations["postApiPaymentsByIdSandboxCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Place search or nearest stops
         * @description ?q= (typo-tolerant, English and Kinyarwanda) or ?near=lat,lon.
         *
         *     Requires: any signed-in user.
         */
        get: operations["getApiPlaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a web app needs to register for push
         * @description FCM web config and VAPID key, or {mode: sandbox}.
         *
         *     Requires: any signed-in user.
         */
        get: operations["getApiPushConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Refunds
         * @description Requires: admin.
         */
        get: operations["getApiRefunds"];
        put?: never;
        /**
         * Refund all (no amount) or part of a payment through its provider
         * @description Audited, the rider is notified; 409 refund_exceeds_payment | not_refundable.
         *
         *     Requires: admin.
         */
        post: operations["postApiRefunds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Safety reports as the caller may see them
         * @description Riders: their own. Drivers: reports about them (reporter hidden when anonymous). Admins: the queue, filtered by the query.
         *
         *     Requires: any signed-in user.
         */
        get: operations["getApiReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One report
         * @description Admins: the full detail (severity reasons, events, trip, driver, vehicle, history). Riders: their own with replies. Drivers: {report} as in the list.
         *
         *     Requires: any signed-in user.
         */
        get: operations["getApiReportsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/routes/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan a trip: bus (with walking) and moto-taxi options with RWF fares
         * @description A place outside the service area is 400 outside_service_area.
         *
         *     Requires: any signed-in user.
         */
        post: operations["postApiRoutesPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a shift on a vehicle
         * @description Requires: driver.
         */
        post: operations["postApiShifts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shifts/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The vehicle of the current shift, and the scheduled trip a bus is running
         * @description Requires: driver.
         */
        get: operations["getApiShiftsCurrent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shifts/current/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Say which route and direction the bus on shift is running
         * @description The server matches the bus to today's scheduled trip of that route and headsign whose first departure is nearest now (within 30 minutes), for GTFS-Realtime and riders' departure boards. 409 not_a_bus for a moto or car; 409 no_scheduled_trip when no trip is near.
         *
         *     Requires: driver.
         */
        put: operations["putApiShiftsCurrentRoute"];
        post?: never;
        /**
         * The bus on shift runs no scheduled route (off route, back to the depot)
         * @description Requires: driver.
         */
        delete: operations["deleteApiShiftsCurrentRoute"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shifts/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the current shift
         * @description endedAt: when it was pressed, for an end queued offline; never later than now.
         *
         *     Requires: driver.
         */
        post: operations["postApiShiftsEnd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stops
         * @description Requires: any signed-in user.
         */
        get: operations["getApiStops"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stops/{id}/departures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Next departures at a stop, live where a tracked bus runs the trip
         * @description From the active feed’s schedule (its agency_timezone and service days), each with the live prediction of the bus on shift running that trip when there is one (realtime: true; the TripUpdates prediction), else its scheduled time. Public like the GTFS-Realtime feeds. An unknown stop is 404 stop_not_found.
         */
        get: operations["getApiStopsByIdDepartures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sync/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A single-use ticket to open one WebSocket (valid 30 seconds)
         * @description Requires: any signed-in user.
         */
        post: operations["postApiSyncTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Trips, newest first
         * @description Riders see their own, drivers those assigned to them, admins all.
         *
         *     Requires: any signed-in user.
         */
        get: operations["getApiTrips"];
        put?: never;
        /**
         * Book a moto or car
         * @description The body is a booking intent; its id makes it idempotent: 201 confirmed, 200 the same intent again, 422 idempotency_key_reused for the same id with another trip. Turned down: 409 with code no_vehicle_available | stale | outside_service_area | account_suspended.
         *
         *     Requires: rider.
         */
        post: operations["postApiTrips"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trips/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A trip with its events, payments and refunds
         * @description Its rider, its driver and admins see it; anyone else gets 404. Admins also get the card disputes.
         *
         *     Requires: any signed-in user.
         */
        get: operations["getApiTripsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trips/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The assigned driver accepts, declines, arrives, starts or completes
         * @description cashCollected settles a cash trip. The action id makes replays no-ops; an impossible step is 409 invalid_transition.
         *
         *     Requires: driver.
         */
        post: operations["postApiTripsByIdActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trips/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The rider cancels
         * @description Free until the driver has arrived, then the cancellation fee; again is a no-op; started or finished trips: 409 invalid_transition.
         *
         *     Requires: rider.
         */
        post: operations["postApiTripsByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trips/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The receipt of a paid trip: fare breakdown, payments and refunds
         * @description Its rider and admins; anyone else 404. Nothing collected yet: 409 not_paid.
         *
         *     Requires: rider or admin.
         */
        get: operations["getApiTripsByIdReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The fleet
         * @description Requires: admin or driver.
         */
        get: operations["getApiVehicles"];
        put?: never;
        /**
         * Register a vehicle
         * @description Requires: admin.
         */
        post: operations["postApiVehicles"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/vehicles/{id}/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload GPS fixes
         * @description At most 500 fixes; ids <deviceId>:<seq> make them idempotent; bad fixes are answered with reasons. A driver’s fix counts when recorded during one of their shifts on the vehicle (±60 s), however late it arrives; a batch with none is 403 outside_shift.
         *
         *     Requires: admin or driver.
         */
        post: operations["postApiVehiclesByIdPositions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/airtel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Airtel Money collection callbacks
         * @description Airtel Money says a collection may be final (transaction.id: our payment key). Unsigned, so only a hint: the payment still at the provider is asked about now, its status read from Airtel Money. A well-formed callback gets 200 whatever it names; another body 400.
         */
        post: operations["postApiWebhooksAirtel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/momo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * MTN MoMo collection callbacks
         * @description MTN MoMo says a collection may be final (externalId: our payment id). Unsigned, so only a hint: the payment still at the provider is asked about now, its status read from MTN MoMo. A well-formed callback gets 200 whatever it names; another body 400.
         */
        put: operations["putApiWebhooksMomo"];
        /**
         * MTN MoMo collection callbacks
         * @description MTN MoMo says a collection may be final (externalId: our payment id). Unsigned, so only a hint: the payment still at the provider is asked about now, its status read from MTN MoMo. A well-formed callback gets 200 whatever it names; another body 400.
         */
        post: operations["postApiWebhooksMomo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe events
         * @description The raw body is verified against Stripe-Signature (400 invalid_signature). Acts on payment_intent.*, refund.*, charge.refunded (its refunds are read from Stripe) and charge.dispute.*; refunds made in the Stripe Dashboard are recorded. Replays and out-of-order events change nothing; 404 when Stripe webhooks are not configured.
         */
        post: operations["postApiWebhooksStripe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiError: {
            error: {
                code: string;
                details?: {
                    message: string;
                    path: string;
                }[];
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getApiAdminAudit: {
        parameters: {
            query?: {
                before?: string;
                limit?: number;
                targetId?: string;
                targetType?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            action: string;
                            actor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            details: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            id: string;
                            targetId: string;
                            targetType: string;
                        }[];
                        nextBefore: string | null;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiAdminOutbox: {
        parameters: {
            query?: {
                limit?: number;
                status?: "pending" | "sent" | "dead";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: {
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            failures: number;
                            /** Format: uuid */
                            id: string;
                            idempotencyKey: string;
                            lastError: string | null;
                            /** Format: date-time */
                            nextAttemptAt: string;
                            payload: unknown;
                            result: unknown;
                            sentAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "sent" | "dead";
                            topic: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAdminOutboxByIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: {
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            failures: number;
                            /** Format: uuid */
                            id: string;
                            idempotencyKey: string;
                            lastError: string | null;
                            /** Format: date-time */
                            nextAttemptAt: string;
                            payload: unknown;
                            result: unknown;
                            sentAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "sent" | "dead";
                            topic: string;
                        };
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAdminReportsByIdNotes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry: the same key replays the first answer (Idempotent-Replayed: true); the key with another body is 422 idempotency_key_reused; a retry while the first runs is 409 request_in_progress with Retry-After */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this is the kept answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        note: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            text: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description This Idempotency-Key was used for a different request (idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAdminReportsByIdReplies: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry: the same key replays the first answer (Idempotent-Replayed: true); the key with another body is 422 idempotency_key_reused; a retry while the first runs is 409 request_in_progress with Retry-After */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this is the kept answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reply: {
                            /** Format: date-time */
                            at: string;
                            /** @constant */
                            from: "admin";
                            /** Format: uuid */
                            id: string;
                            text: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description This Idempotency-Key was used for a different request (idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAdminReportsByIdStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry: the same key replays the first answer (Idempotent-Replayed: true); the key with another body is 422 idempotency_key_reused; a retry while the first runs is 409 request_in_progress with Retry-After */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    /** @enum {string} */
                    status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this is the kept answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        driver: {
                            email: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            suspended: boolean;
                        } | null;
                        events: {
                            actor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            fromStatus: ("submitted" | "triage" | "investigating" | "resolved" | "dismissed") | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "status" | "reply" | "note";
                            text: string | null;
                            toStatus: ("submitted" | "triage" | "investigating" | "resolved" | "dismissed") | null;
                        }[];
                        history: {
                            driverReports: {
                                anonymous: boolean;
                                /** @enum {string} */
                                category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                                /** Format: date-time */
                                createdAt: string;
                                description: string;
                                driverId: string | null;
                                evidence: {
                                    bytes: number;
                                    /** @enum {string} */
                                    mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                                    sha256: string;
                                }[];
                                /** Format: uuid */
                                id: string;
                                location: {
                                    lat: number;
                                    lon: number;
                                } | null;
                                /** Format: date-time */
                                occurredAt: string;
                                reporter: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                severity: "low" | "medium" | "high" | "critical";
                                severityScore: number;
                                /** @enum {string} */
                                status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                                /** Format: date-time */
                                submittedAt: string;
                                tripId: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                                vehicleId: string | null;
                            }[];
                            recentTrips: {
                                cancellationFee: number;
                                /** Format: date-time */
                                departAt: string;
                                destination: {
                                    label?: string;
                                    lat: number;
                                    lon: number;
                                };
                                distanceMeters: number;
                                driver: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    phone: string | null;
                                } | null;
                                driverId: string | null;
                                etaMinutes: number | null;
                                fare: {
                                    amount: number;
                                    /** @constant */
                                    currency: "RWF";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                intentId: string;
                                /** @enum {string} */
                                kind: "moto" | "car" | "bus";
                                offer: {
                                    attempt: number;
                                    /** Format: date-time */
                                    expiresAt: string;
                                } | null;
                                origin: {
                                    label?: string;
                                    lat: number;
                                    lon: number;
                                };
                                payment: {
                                    amount: number;
                                    /** @enum {string} */
                                    method: "card" | "mobile_money" | "cash";
                                    refundedAmount: number;
                                    /** @enum {string} */
                                    status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                                } | null;
                                /** @enum {string} */
                                paymentMethod: "card" | "mobile_money" | "cash";
                                rejectReason: ("no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended") | null;
                                /** Format: date-time */
                                requestedAt: string;
                                /** Format: uuid */
                                riderId: string;
                                riderName: string;
                                /** @enum {string} */
                                status: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                                /** Format: date-time */
                                updatedAt: string;
                                vehicle: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "bus" | "moto" | "car";
                                    plate: string;
                                } | null;
                                vehicleId: string | null;
                            }[];
                            vehicleReports: {
                                anonymous: boolean;
                                /** @enum {string} */
                                category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                                /** Format: date-time */
                                createdAt: string;
                                description: string;
                                driverId: string | null;
                                evidence: {
                                    bytes: number;
                                    /** @enum {string} */
                                    mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                                    sha256: string;
                                }[];
                                /** Format: uuid */
                                id: string;
                                location: {
                                    lat: number;
                                    lon: number;
                                } | null;
                                /** Format: date-time */
                                occurredAt: string;
                                reporter: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                severity: "low" | "medium" | "high" | "critical";
                                severityScore: number;
                                /** @enum {string} */
                                status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                                /** Format: date-time */
                                submittedAt: string;
                                tripId: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                                vehicleId: string | null;
                            }[];
                        };
                        report: {
                            anonymous: boolean;
                            /** @enum {string} */
                            category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            driverId: string | null;
                            evidence: {
                                bytes: number;
                                /** @enum {string} */
                                mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                                sha256: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            location: {
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            occurredAt: string;
                            reporter: {
                                email: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            };
                            /** @enum {string} */
                            severity: "low" | "medium" | "high" | "critical";
                            severityReasons: {
                                points: number;
                                reason: string;
                                rule: string;
                                vars?: {
                                    [key: string]: string | number;
                                };
                            }[];
                            severityScore: number;
                            /** @enum {string} */
                            status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                            /** Format: date-time */
                            submittedAt: string;
                            tripId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            vehicleId: string | null;
                        };
                        trip: {
                            cancellationFee: number;
                            /** Format: date-time */
                            departAt: string;
                            destination: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            distanceMeters: number;
                            driver: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            } | null;
                            driverId: string | null;
                            etaMinutes: number | null;
                            fare: {
                                amount: number;
                                /** @constant */
                                currency: "RWF";
                            };
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            intentId: string;
                            /** @enum {string} */
                            kind: "moto" | "car" | "bus";
                            offer: {
                                attempt: number;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            origin: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            payment: {
                                amount: number;
                                /** @enum {string} */
                                method: "card" | "mobile_money" | "cash";
                                refundedAmount: number;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            } | null;
                            /** @enum {string} */
                            paymentMethod: "card" | "mobile_money" | "cash";
                            rejectReason: ("no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended") | null;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: uuid */
                            riderId: string;
                            riderName: string;
                            /** @enum {string} */
                            status: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                            /** Format: date-time */
                            updatedAt: string;
                            vehicle: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "bus" | "moto" | "car";
                                plate: string;
                            } | null;
                            vehicleId: string | null;
                        } | null;
                        vehicle: {
                            capacity: number;
                            driverId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "bus" | "moto" | "car";
                            operator: string;
                            plate: string;
                            /** @enum {string} */
                            status: "available" | "on_trip" | "off_duty" | "inactive";
                        } | null;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description This Idempotency-Key was used for a different request (idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiAdminSyncIssues: {
        parameters: {
            query?: {
                limit?: number;
                state?: "rejected" | "retrying" | "stuck";
                stuckAfterMinutes?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            rejected: number;
                            retrying: number;
                            stuck: number;
                        };
                        issues: {
                            attempts: number;
                            code: string | null;
                            docName: string;
                            entryKey: string;
                            lastAttemptAt: string | null;
                            message: string | null;
                            /** Format: date-time */
                            since: string;
                            /** @enum {string} */
                            state: "retrying" | "rejected" | "stuck";
                            userId: string | null;
                            userName: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiAdminUsers: {
        parameters: {
            query?: {
                role?: "rider" | "driver" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAdminUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    name: string;
                    password: string;
                    phone: string;
                    /**
                     * @default driver
                     * @enum {string}
                     */
                    role?: "driver" | "admin";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAdminUsersByIdRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry: the same key replays the first answer (Idempotent-Replayed: true); the key with another body is 422 idempotency_key_reused; a retry while the first runs is 409 request_in_progress with Retry-After */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "driver" | "admin";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this is the kept answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description This Idempotency-Key was used for a different request (idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAdminUsersByIdSuspend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry: the same key replays the first answer (Idempotent-Replayed: true); the key with another body is 422 idempotency_key_reused; a retry while the first runs is 409 request_in_progress with Retry-After */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /** Format: uuid */
                    reportId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this is the kept answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description This Idempotency-Key was used for a different request (idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAdminUsersByIdUnsuspend: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry: the same key replays the first answer (Idempotent-Replayed: true); the key with another body is 422 idempotency_key_reused; a retry while the first runs is 409 request_in_progress with Retry-After */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this is the kept answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description This Idempotency-Key was used for a different request (idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        expiresIn: number;
                        mfaEnrolmentRequired?: boolean;
                        refreshToken: string;
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    } | {
                        challengeToken: string;
                        expiresIn: number;
                        methods: ("totp" | "passkey" | "recovery_code")[];
                        /** @constant */
                        mfaRequired: true;
                        passkey?: {
                            challenge: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts; Retry-After says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    challengeToken: string;
                    code: string;
                } | {
                    challengeToken: string;
                    passkey: {
                        /** @enum {string} */
                        authenticatorAttachment?: "platform" | "cross-platform";
                        /** @default {} */
                        clientExtensionResults?: {
                            [key: string]: unknown;
                        };
                        id: string;
                        rawId: string;
                        response: {
                            authenticatorData: string;
                            clientDataJSON: string;
                            signature: string;
                            userHandle?: string;
                        };
                        /** @constant */
                        type: "public-key";
                    };
                } | {
                    challengeToken: string;
                    recoveryCode: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        expiresIn: number;
                        mfaEnrolmentRequired?: boolean;
                        refreshToken: string;
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts; Retry-After says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiAuthOidcCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Found: the browser is sent on (Location) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthOidcExchange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        expiresIn: number;
                        mfaEnrolmentRequired?: boolean;
                        refreshToken: string;
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    } | {
                        challengeToken: string;
                        expiresIn: number;
                        methods: ("totp" | "passkey" | "recovery_code")[];
                        /** @constant */
                        mfaRequired: true;
                        passkey?: {
                            challenge: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiAuthOidcStart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Found: the browser is sent on (Location) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthPasskey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    challengeToken: string;
                    credential: {
                        /** @enum {string} */
                        authenticatorAttachment?: "platform" | "cross-platform";
                        /** @default {} */
                        clientExtensionResults?: {
                            [key: string]: unknown;
                        };
                        id: string;
                        rawId: string;
                        response: {
                            authenticatorData: string;
                            clientDataJSON: string;
                            signature: string;
                            userHandle?: string;
                        };
                        /** @constant */
                        type: "public-key";
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        expiresIn: number;
                        mfaEnrolmentRequired?: boolean;
                        refreshToken: string;
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts; Retry-After says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthPasskeyOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challengeToken: string;
                        options: {
                            challenge: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endedSessions: number;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default rider
                     * @enum {string}
                     */
                    app?: "rider" | "driver" | "admin";
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        accepted: true;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts; Retry-After says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthPasswordResetConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newPassword: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endedSessions: number;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        expiresIn: number;
                        mfaEnrolmentRequired?: boolean;
                        refreshToken: string;
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiAuthRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    name: string;
                    password: string;
                    phone?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        expiresIn: number;
                        mfaEnrolmentRequired?: boolean;
                        refreshToken: string;
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts; Retry-After says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description public, max-age=300 */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @default {
                         *       "provider": "sandbox"
                         *     }
                         */
                        card: {
                            /** @constant */
                            provider: "stripe";
                            publishableKey: string;
                        } | {
                            /** @constant */
                            provider: "sandbox";
                        };
                        /** @default null */
                        identityProvider: {
                            name: string;
                        } | null;
                        map: {
                            attribution: string;
                            /** Format: uri */
                            pmtilesUrl?: string;
                            /** Format: uri */
                            styleUrl?: string;
                        };
                    };
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiEvidenceBySha256: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The file’s SHA-256, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "video/mp4": string;
                    "video/webm": string;
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    /** @description The file’s SHA-256, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    putApiEvidenceBySha256: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sha256: string;
            };
            cookie?: never;
        };
        /** @description The file’s bytes */
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "video/mp4": string;
                "video/webm": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        evidence: {
                            bytes: number;
                            /** @enum {string} */
                            mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                            sha256: string;
                        };
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        evidence: {
                            bytes: number;
                            /** @enum {string} */
                            mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                            sha256: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body is larger than allowed */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The body’s media type is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiGtfsRtTripUpdates: {
        parameters: {
            query?: {
                /** @description json: the same feed as JSON (protobuf field names in camelCase), for people reading it */
                format?: "protobuf" | "json";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description When the feed last changed (a fix, a shift or trip change, a fix ageing out, a static feed activated) */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                    "application/x-protobuf": string;
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiGtfsRtVehiclePositions: {
        parameters: {
            query?: {
                /** @description json: the same feed as JSON (protobuf field names in camelCase), for people reading it */
                format?: "protobuf" | "json";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description When the feed last changed (a fix, a shift or trip change, a fix ageing out, a static feed activated) */
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                    "application/x-protobuf": string;
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        db: "postgres" | "pglite";
                        network?: {
                            hash: string;
                            version: string | null;
                        } | null;
                        /** @enum {string} */
                        status: "ok" | "error";
                        version: string;
                    };
                };
            };
            /** @description Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        db: "postgres" | "pglite";
                        network?: {
                            hash: string;
                            version: string | null;
                        } | null;
                        /** @enum {string} */
                        status: "ok" | "error";
                        version: string;
                    };
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiHealthLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiHealthReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            /** @description Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                message: string;
                                path: string;
                            }[];
                            message: string;
                        };
                        failed: string[];
                    };
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            hasPassword?: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            /** @enum {string} */
                            role: "rider" | "driver" | "admin";
                            suspended: boolean;
                        };
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiMeCardsSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clientSecret: string;
                        customerSessionClientSecret: string;
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    putApiMeLanguage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    language: "en" | "rw";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        language: "en" | "rw";
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiMeMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        passkeys: {
                            backedUp: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                        }[];
                        recoveryCodesLeft: number;
                        required: boolean;
                        totp: boolean;
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiMeMfaRecoveryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        codes: string[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts; Retry-After says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiMeMfaTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        otpauthUri: string;
                        secret: string;
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiMeMfaTotpConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        codes: string[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiMeMfaTotpDisable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts; Retry-After says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiMeNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: boolean;
                        push: boolean;
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    putApiMeNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: boolean;
                    push: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: boolean;
                        push: boolean;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiMePasskeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    challengeToken: string;
                    credential: {
                        /** @enum {string} */
                        authenticatorAttachment?: "platform" | "cross-platform";
                        /** @default {} */
                        clientExtensionResults?: {
                            [key: string]: unknown;
                        };
                        id: string;
                        rawId: string;
                        response: {
                            attestationObject: string;
                            clientDataJSON: string;
                            transports?: string[];
                        };
                        /** @constant */
                        type: "public-key";
                    };
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        passkey: {
                            backedUp: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                        };
                        recoveryCodes: string[] | null;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiMePasskeysByIdRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Too many attempts; Retry-After says when to try again */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiMePasskeysOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challengeToken: string;
                        options: {
                            challenge: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiMePushTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    platform: "web" | "android" | "ios";
                    token: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        platform: "web" | "android" | "ios";
                        token: string;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    deleteApiMePushTokensByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiMeSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions: {
                            app: ("rider" | "driver" | "admin") | null;
                            /** Format: date-time */
                            createdAt: string;
                            current: boolean;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            lastUsedAt: string;
                            network: string | null;
                            userAgent: string | null;
                        }[];
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    deleteApiMeSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ended: number;
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    deleteApiMeSessionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiNetwork: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        network: {
                            feedId: string;
                            hash: string;
                            /** Format: date-time */
                            importedAt: string;
                            serviceArea: {
                                maxLat: number;
                                maxLon: number;
                                minLat: number;
                                minLon: number;
                            };
                            timezone: string;
                            version: string | null;
                        };
                    };
                };
            };
            /** @description Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiNetworkBundle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description The feed’s content hash, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    /** @description The feed’s content hash, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The service or one of its dependencies is briefly unavailable; Retry-After says when to retry */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiPayments: {
        parameters: {
            query?: {
                limit?: number;
                tripId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payments: {
                            amount: number;
                            clientSecret?: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerSessionClientSecret?: string;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            method: "card" | "mobile_money" | "cash";
                            /** Format: uuid */
                            payerId: string;
                            provider: string;
                            providerRef: string | null;
                            refundedAmount: number;
                            /** @enum {string} */
                            status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            /** Format: uuid */
                            tripId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiPayments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry: the same key replays the first answer (Idempotent-Replayed: true); the key with another body is 422 idempotency_key_reused; a retry while the first runs is 409 request_in_progress with Retry-After */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    method: "card" | "mobile_money" | "cash";
                    payerPhone?: string;
                    paymentMethodId?: string;
                    /** Format: uuid */
                    tripId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this is the kept answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payment: {
                            amount: number;
                            clientSecret?: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerSessionClientSecret?: string;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            method: "card" | "mobile_money" | "cash";
                            /** Format: uuid */
                            payerId: string;
                            provider: string;
                            providerRef: string | null;
                            refundedAmount: number;
                            /** @enum {string} */
                            status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            /** Format: uuid */
                            tripId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this is the kept answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payment: {
                            amount: number;
                            clientSecret?: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerSessionClientSecret?: string;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            method: "card" | "mobile_money" | "cash";
                            /** Format: uuid */
                            payerId: string;
                            provider: string;
                            providerRef: string | null;
                            refundedAmount: number;
                            /** @enum {string} */
                            status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            /** Format: uuid */
                            tripId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description This Idempotency-Key was used for a different request (idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiPaymentsByIdSandboxCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    authentication?: "complete" | "fail";
                    cvc: string;
                    expiry: string;
                    number: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authenticate: boolean;
                        payment: {
                            amount: number;
                            clientSecret?: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerSessionClientSecret?: string;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            method: "card" | "mobile_money" | "cash";
                            /** Format: uuid */
                            payerId: string;
                            provider: string;
                            providerRef: string | null;
                            refundedAmount: number;
                            /** @enum {string} */
                            status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            /** Format: uuid */
                            tripId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiPlaces: {
        parameters: {
            query?: {
                limit?: number;
                near?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        places: {
                            altNames: string[];
                            approximate?: boolean;
                            distanceMeters?: number;
                            district?: string;
                            id: string;
                            /** @enum {string} */
                            kind: "station" | "landmark" | "neighbourhood" | "stop";
                            lat: number;
                            lon: number;
                            name: string;
                            score?: number;
                            stopIds?: string[];
                        }[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiPushConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        firebase: {
                            [key: string]: string;
                        };
                        /** @constant */
                        mode: "fcm";
                        vapidKey: string | null;
                    } | {
                        /** @constant */
                        mode: "sandbox";
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiRefunds: {
        parameters: {
            query?: {
                limit?: number;
                paymentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        refunds: {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            origin: "kigaligo" | "stripe_dashboard" | "duplicate_payment";
                            /** Format: uuid */
                            paymentId: string;
                            providerRef: string | null;
                            reason: string;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                        }[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiRefunds: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry: the same key replays the first answer (Idempotent-Replayed: true); the key with another body is 422 idempotency_key_reused; a retry while the first runs is 409 request_in_progress with Retry-After */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount?: number;
                    /** Format: uuid */
                    paymentId: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this is the kept answer of an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        refund: {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            origin: "kigaligo" | "stripe_dashboard" | "duplicate_payment";
                            /** Format: uuid */
                            paymentId: string;
                            providerRef: string | null;
                            reason: string;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description This Idempotency-Key was used for a different request (idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiReports: {
        parameters: {
            query?: {
                bbox?: string;
                from?: string;
                limit?: number;
                severity?: string;
                status?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reports: ({
                            anonymous: boolean;
                            /** @enum {string} */
                            category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            driverId: string | null;
                            evidence: {
                                bytes: number;
                                /** @enum {string} */
                                mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                                sha256: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            location: {
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            occurredAt: string;
                            reporter: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            severity: "low" | "medium" | "high" | "critical";
                            severityScore: number;
                            /** @enum {string} */
                            status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                            /** Format: date-time */
                            submittedAt: string;
                            tripId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            vehicleId: string | null;
                        } | {
                            anonymous: boolean;
                            /** @enum {string} */
                            category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            evidence: {
                                bytes: number;
                                /** @enum {string} */
                                mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                                sha256: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            location: {
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            occurredAt: string;
                            /** @enum {string} */
                            status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                            /** Format: date-time */
                            submittedAt: string;
                            tripId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            vehicleId: string | null;
                        } | {
                            anonymous: boolean;
                            /** @enum {string} */
                            category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            occurredAt: string | null;
                            occurredOn: string;
                            reporter: {
                                name: string;
                            } | null;
                            /** @enum {string} */
                            status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                            tripId: string | null;
                            vehicleId: string | null;
                        })[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiReportsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        driver: {
                            email: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            phone: string | null;
                            suspended: boolean;
                        } | null;
                        events: {
                            actor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            fromStatus: ("submitted" | "triage" | "investigating" | "resolved" | "dismissed") | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "status" | "reply" | "note";
                            text: string | null;
                            toStatus: ("submitted" | "triage" | "investigating" | "resolved" | "dismissed") | null;
                        }[];
                        history: {
                            driverReports: {
                                anonymous: boolean;
                                /** @enum {string} */
                                category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                                /** Format: date-time */
                                createdAt: string;
                                description: string;
                                driverId: string | null;
                                evidence: {
                                    bytes: number;
                                    /** @enum {string} */
                                    mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                                    sha256: string;
                                }[];
                                /** Format: uuid */
                                id: string;
                                location: {
                                    lat: number;
                                    lon: number;
                                } | null;
                                /** Format: date-time */
                                occurredAt: string;
                                reporter: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                severity: "low" | "medium" | "high" | "critical";
                                severityScore: number;
                                /** @enum {string} */
                                status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                                /** Format: date-time */
                                submittedAt: string;
                                tripId: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                                vehicleId: string | null;
                            }[];
                            recentTrips: {
                                cancellationFee: number;
                                /** Format: date-time */
                                departAt: string;
                                destination: {
                                    label?: string;
                                    lat: number;
                                    lon: number;
                                };
                                distanceMeters: number;
                                driver: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    phone: string | null;
                                } | null;
                                driverId: string | null;
                                etaMinutes: number | null;
                                fare: {
                                    amount: number;
                                    /** @constant */
                                    currency: "RWF";
                                };
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                intentId: string;
                                /** @enum {string} */
                                kind: "moto" | "car" | "bus";
                                offer: {
                                    attempt: number;
                                    /** Format: date-time */
                                    expiresAt: string;
                                } | null;
                                origin: {
                                    label?: string;
                                    lat: number;
                                    lon: number;
                                };
                                payment: {
                                    amount: number;
                                    /** @enum {string} */
                                    method: "card" | "mobile_money" | "cash";
                                    refundedAmount: number;
                                    /** @enum {string} */
                                    status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                                } | null;
                                /** @enum {string} */
                                paymentMethod: "card" | "mobile_money" | "cash";
                                rejectReason: ("no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended") | null;
                                /** Format: date-time */
                                requestedAt: string;
                                /** Format: uuid */
                                riderId: string;
                                riderName: string;
                                /** @enum {string} */
                                status: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                                /** Format: date-time */
                                updatedAt: string;
                                vehicle: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "bus" | "moto" | "car";
                                    plate: string;
                                } | null;
                                vehicleId: string | null;
                            }[];
                            vehicleReports: {
                                anonymous: boolean;
                                /** @enum {string} */
                                category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                                /** Format: date-time */
                                createdAt: string;
                                description: string;
                                driverId: string | null;
                                evidence: {
                                    bytes: number;
                                    /** @enum {string} */
                                    mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                                    sha256: string;
                                }[];
                                /** Format: uuid */
                                id: string;
                                location: {
                                    lat: number;
                                    lon: number;
                                } | null;
                                /** Format: date-time */
                                occurredAt: string;
                                reporter: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                severity: "low" | "medium" | "high" | "critical";
                                severityScore: number;
                                /** @enum {string} */
                                status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                                /** Format: date-time */
                                submittedAt: string;
                                tripId: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                                vehicleId: string | null;
                            }[];
                        };
                        report: {
                            anonymous: boolean;
                            /** @enum {string} */
                            category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            driverId: string | null;
                            evidence: {
                                bytes: number;
                                /** @enum {string} */
                                mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                                sha256: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            location: {
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            occurredAt: string;
                            reporter: {
                                email: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            };
                            /** @enum {string} */
                            severity: "low" | "medium" | "high" | "critical";
                            severityReasons: {
                                points: number;
                                reason: string;
                                rule: string;
                                vars?: {
                                    [key: string]: string | number;
                                };
                            }[];
                            severityScore: number;
                            /** @enum {string} */
                            status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                            /** Format: date-time */
                            submittedAt: string;
                            tripId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            vehicleId: string | null;
                        };
                        trip: {
                            cancellationFee: number;
                            /** Format: date-time */
                            departAt: string;
                            destination: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            distanceMeters: number;
                            driver: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            } | null;
                            driverId: string | null;
                            etaMinutes: number | null;
                            fare: {
                                amount: number;
                                /** @constant */
                                currency: "RWF";
                            };
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            intentId: string;
                            /** @enum {string} */
                            kind: "moto" | "car" | "bus";
                            offer: {
                                attempt: number;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            origin: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            payment: {
                                amount: number;
                                /** @enum {string} */
                                method: "card" | "mobile_money" | "cash";
                                refundedAmount: number;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            } | null;
                            /** @enum {string} */
                            paymentMethod: "card" | "mobile_money" | "cash";
                            rejectReason: ("no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended") | null;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: uuid */
                            riderId: string;
                            riderName: string;
                            /** @enum {string} */
                            status: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                            /** Format: date-time */
                            updatedAt: string;
                            vehicle: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "bus" | "moto" | "car";
                                plate: string;
                            } | null;
                            vehicleId: string | null;
                        } | null;
                        vehicle: {
                            capacity: number;
                            driverId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "bus" | "moto" | "car";
                            operator: string;
                            plate: string;
                            /** @enum {string} */
                            status: "available" | "on_trip" | "off_duty" | "inactive";
                        } | null;
                    } | {
                        replies: {
                            /** Format: date-time */
                            at: string;
                            /** @constant */
                            from: "admin";
                            /** Format: uuid */
                            id: string;
                            text: string;
                        }[];
                        report: {
                            anonymous: boolean;
                            /** @enum {string} */
                            category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            evidence: {
                                bytes: number;
                                /** @enum {string} */
                                mime: "image/jpeg" | "image/png" | "image/webp" | "video/mp4" | "video/webm";
                                sha256: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            location: {
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            occurredAt: string;
                            /** @enum {string} */
                            status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                            /** Format: date-time */
                            submittedAt: string;
                            tripId: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            vehicleId: string | null;
                        };
                        statusHistory: {
                            /** Format: date-time */
                            at: string;
                            fromStatus: ("submitted" | "triage" | "investigating" | "resolved" | "dismissed") | null;
                            /** @enum {string} */
                            toStatus: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                        }[];
                    } | {
                        report: {
                            anonymous: boolean;
                            /** @enum {string} */
                            category: "harassment" | "reckless_driving" | "overcharging" | "accident" | "vehicle_condition" | "theft_or_lost_item" | "other";
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            occurredAt: string | null;
                            occurredOn: string;
                            reporter: {
                                name: string;
                            } | null;
                            /** @enum {string} */
                            status: "submitted" | "triage" | "investigating" | "resolved" | "dismissed";
                            tripId: string | null;
                            vehicleId: string | null;
                        };
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiRoutesPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    arriveBy?: string;
                    /** Format: date-time */
                    departAt?: string;
                    from: {
                        lat: number;
                        lon: number;
                    };
                    moto?: boolean;
                    to: {
                        lat: number;
                        lon: number;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        itineraries: {
                            /** Format: date-time */
                            arriveAt: string;
                            /** Format: date-time */
                            departAt: string;
                            fare: {
                                amount: number;
                                /** @constant */
                                currency: "RWF";
                            };
                            legs: {
                                approximate?: boolean;
                                /** Format: date-time */
                                arriveAt: string;
                                /** Format: date-time */
                                departAt: string;
                                distanceMeters: number;
                                fare?: {
                                    amount: number;
                                    /** @constant */
                                    currency: "RWF";
                                };
                                from: {
                                    lat: number;
                                    lon: number;
                                    name: string;
                                    stopId?: string;
                                };
                                geometry: {
                                    coordinates: [
                                        number,
                                        number
                                    ][];
                                    /** @constant */
                                    type: "LineString";
                                };
                                /** @enum {string} */
                                mode: "walk" | "moto" | "tram" | "subway" | "rail" | "bus" | "ferry" | "cable_car" | "gondola" | "funicular" | "trolleybus" | "monorail";
                                route?: {
                                    color?: string;
                                    headsign: string;
                                    id: string;
                                    longName: string;
                                    shortName: string;
                                };
                                stops?: {
                                    lat: number;
                                    lon: number;
                                    name: string;
                                    stopId?: string;
                                }[];
                                to: {
                                    lat: number;
                                    lon: number;
                                    name: string;
                                    stopId?: string;
                                };
                            }[];
                            transfers: number;
                            walkMeters: number;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiShifts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    vehicleId: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        vehicle: {
                            capacity: number;
                            driverId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "bus" | "moto" | "car";
                            operator: string;
                            plate: string;
                            /** @enum {string} */
                            status: "available" | "on_trip" | "off_duty" | "inactive";
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiShiftsCurrent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        trip: {
                            headsign: string;
                            routeId: string;
                            routeShortName: string;
                            startDate: string;
                            startTime: string;
                            tripId: string;
                        } | null;
                        vehicle: {
                            capacity: number;
                            driverId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "bus" | "moto" | "car";
                            operator: string;
                            plate: string;
                            /** @enum {string} */
                            status: "available" | "on_trip" | "off_duty" | "inactive";
                        } | null;
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    putApiShiftsCurrentRoute: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    headsign: string;
                    routeId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        trip: {
                            headsign: string;
                            routeId: string;
                            routeShortName: string;
                            startDate: string;
                            startTime: string;
                            tripId: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    deleteApiShiftsCurrentRoute: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        vehicle: {
                            capacity: number;
                            driverId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "bus" | "moto" | "car";
                            operator: string;
                            plate: string;
                            /** @enum {string} */
                            status: "available" | "on_trip" | "off_duty" | "inactive";
                        };
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiShiftsEnd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    endedAt?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        vehicle: {
                            capacity: number;
                            driverId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "bus" | "moto" | "car";
                            operator: string;
                            plate: string;
                            /** @enum {string} */
                            status: "available" | "on_trip" | "off_duty" | "inactive";
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiStops: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stops: {
                            code: string | null;
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            parentStationId: string | null;
                        }[];
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiStopsByIdDepartures: {
        parameters: {
            query?: {
                /** @description Departures from this instant on (ISO-8601 with offset; default now) */
                from?: string;
                /** @description How many departures (1–50, default 10) */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        departures: {
                            directionId?: 0 | 1;
                            /** Format: date-time */
                            expectedAt: string;
                            headsign: string;
                            realtime: boolean;
                            route: {
                                color?: string;
                                id: string;
                                longName: string;
                                /** @enum {string} */
                                mode: "tram" | "subway" | "rail" | "bus" | "ferry" | "cable_car" | "gondola" | "funicular" | "trolleybus" | "monorail";
                                shortName: string;
                                textColor?: string;
                            };
                            /** Format: date-time */
                            scheduledAt: string;
                            startDate: string;
                            startTime: string;
                            tripId: string;
                        }[];
                        stop: {
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                        };
                        timezone: string;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiSyncTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    purpose: "sync" | "live";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresIn: number;
                        ticket: string;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiTrips: {
        parameters: {
            query?: {
                limit?: number;
                status?: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        trips: {
                            cancellationFee: number;
                            /** Format: date-time */
                            departAt: string;
                            destination: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            distanceMeters: number;
                            driver: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            } | null;
                            driverId: string | null;
                            etaMinutes: number | null;
                            fare: {
                                amount: number;
                                /** @constant */
                                currency: "RWF";
                            };
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            intentId: string;
                            /** @enum {string} */
                            kind: "moto" | "car" | "bus";
                            offer: {
                                attempt: number;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            origin: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            payment: {
                                amount: number;
                                /** @enum {string} */
                                method: "card" | "mobile_money" | "cash";
                                refundedAmount: number;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            } | null;
                            /** @enum {string} */
                            paymentMethod: "card" | "mobile_money" | "cash";
                            rejectReason: ("no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended") | null;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: uuid */
                            riderId: string;
                            riderName: string;
                            /** @enum {string} */
                            status: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                            /** Format: date-time */
                            updatedAt: string;
                            vehicle: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "bus" | "moto" | "car";
                                plate: string;
                            } | null;
                            vehicleId: string | null;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiTrips: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    cancelRequestedAt?: string;
                    /** Format: date-time */
                    createdAt: string;
                    /** Format: date-time */
                    departAt?: string;
                    destination: {
                        label?: string;
                        lat: number;
                        lon: number;
                    };
                    /** Format: uuid */
                    id: string;
                    /** @enum {string} */
                    kind: "moto" | "car";
                    origin: {
                        label?: string;
                        lat: number;
                        lon: number;
                    };
                    payerPhone?: string;
                    /** @enum {string} */
                    paymentMethod: "card" | "mobile_money" | "cash";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decision: {
                            cancellationFee: number;
                            /** Format: date-time */
                            decidedAt: string;
                            driver: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            };
                            etaMinutes: number;
                            fare: {
                                amount: number;
                                /** @constant */
                                currency: "RWF";
                            };
                            /** Format: uuid */
                            intentId: string;
                            offer?: {
                                attempt: number;
                                /** Format: date-time */
                                expiresAt: string;
                            };
                            payment: {
                                amount: number;
                                /** @enum {string} */
                                method: "card" | "mobile_money" | "cash";
                                refundedAmount: number;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            };
                            /** @constant */
                            status: "confirmed";
                            /** Format: uuid */
                            tripId: string;
                            /** @enum {string} */
                            tripStatus: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                            /** Format: date-time */
                            updatedAt: string;
                            vehicle: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "moto" | "car";
                                plate: string;
                            };
                        } | {
                            /** Format: date-time */
                            decidedAt: string;
                            /** Format: uuid */
                            intentId: string;
                            message: string;
                            /** @enum {string} */
                            reason: "no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended";
                            /** @constant */
                            status: "rejected";
                        };
                        trip: {
                            cancellationFee: number;
                            /** Format: date-time */
                            departAt: string;
                            destination: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            distanceMeters: number;
                            driver: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            } | null;
                            driverId: string | null;
                            etaMinutes: number | null;
                            fare: {
                                amount: number;
                                /** @constant */
                                currency: "RWF";
                            };
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            intentId: string;
                            /** @enum {string} */
                            kind: "moto" | "car" | "bus";
                            offer: {
                                attempt: number;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            origin: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            payment: {
                                amount: number;
                                /** @enum {string} */
                                method: "card" | "mobile_money" | "cash";
                                refundedAmount: number;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            } | null;
                            /** @enum {string} */
                            paymentMethod: "card" | "mobile_money" | "cash";
                            rejectReason: ("no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended") | null;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: uuid */
                            riderId: string;
                            riderName: string;
                            /** @enum {string} */
                            status: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                            /** Format: date-time */
                            updatedAt: string;
                            vehicle: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "bus" | "moto" | "car";
                                plate: string;
                            } | null;
                            vehicleId: string | null;
                        };
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decision: {
                            cancellationFee: number;
                            /** Format: date-time */
                            decidedAt: string;
                            driver: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            };
                            etaMinutes: number;
                            fare: {
                                amount: number;
                                /** @constant */
                                currency: "RWF";
                            };
                            /** Format: uuid */
                            intentId: string;
                            offer?: {
                                attempt: number;
                                /** Format: date-time */
                                expiresAt: string;
                            };
                            payment: {
                                amount: number;
                                /** @enum {string} */
                                method: "card" | "mobile_money" | "cash";
                                refundedAmount: number;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            };
                            /** @constant */
                            status: "confirmed";
                            /** Format: uuid */
                            tripId: string;
                            /** @enum {string} */
                            tripStatus: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                            /** Format: date-time */
                            updatedAt: string;
                            vehicle: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "moto" | "car";
                                plate: string;
                            };
                        } | {
                            /** Format: date-time */
                            decidedAt: string;
                            /** Format: uuid */
                            intentId: string;
                            message: string;
                            /** @enum {string} */
                            reason: "no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended";
                            /** @constant */
                            status: "rejected";
                        };
                        trip: {
                            cancellationFee: number;
                            /** Format: date-time */
                            departAt: string;
                            destination: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            distanceMeters: number;
                            driver: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            } | null;
                            driverId: string | null;
                            etaMinutes: number | null;
                            fare: {
                                amount: number;
                                /** @constant */
                                currency: "RWF";
                            };
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            intentId: string;
                            /** @enum {string} */
                            kind: "moto" | "car" | "bus";
                            offer: {
                                attempt: number;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            origin: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            payment: {
                                amount: number;
                                /** @enum {string} */
                                method: "card" | "mobile_money" | "cash";
                                refundedAmount: number;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            } | null;
                            /** @enum {string} */
                            paymentMethod: "card" | "mobile_money" | "cash";
                            rejectReason: ("no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended") | null;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: uuid */
                            riderId: string;
                            riderName: string;
                            /** @enum {string} */
                            status: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                            /** Format: date-time */
                            updatedAt: string;
                            vehicle: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "bus" | "moto" | "car";
                                plate: string;
                            } | null;
                            vehicleId: string | null;
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description This Idempotency-Key was used for a different request (idempotency_key_reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiTripsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        disputes?: {
                            amount: number;
                            closedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: uuid */
                            paymentId: string;
                            providerRef: string;
                            reason: string;
                            /** @enum {string} */
                            status: "warning_needs_response" | "warning_under_review" | "warning_closed" | "needs_response" | "under_review" | "won" | "lost";
                        }[];
                        events: {
                            actorId: string | null;
                            /** Format: date-time */
                            at: string;
                            fromStatus: ("requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected") | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            toStatus: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                        }[];
                        payments: {
                            amount: number;
                            clientSecret?: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerSessionClientSecret?: string;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            method: "card" | "mobile_money" | "cash";
                            /** Format: uuid */
                            payerId: string;
                            provider: string;
                            providerRef: string | null;
                            refundedAmount: number;
                            /** @enum {string} */
                            status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            /** Format: uuid */
                            tripId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        providerCalls?: {
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            failures: number;
                            /** Format: uuid */
                            id: string;
                            idempotencyKey: string;
                            lastError: string | null;
                            /** Format: date-time */
                            nextAttemptAt: string;
                            payload: unknown;
                            result: unknown;
                            sentAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "sent" | "dead";
                            topic: string;
                        }[];
                        refunds: {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            origin: "kigaligo" | "stripe_dashboard" | "duplicate_payment";
                            /** Format: uuid */
                            paymentId: string;
                            providerRef: string | null;
                            reason: string;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                        }[];
                        trip: {
                            cancellationFee: number;
                            /** Format: date-time */
                            departAt: string;
                            destination: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            distanceMeters: number;
                            driver: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            } | null;
                            driverId: string | null;
                            etaMinutes: number | null;
                            fare: {
                                amount: number;
                                /** @constant */
                                currency: "RWF";
                            };
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            intentId: string;
                            /** @enum {string} */
                            kind: "moto" | "car" | "bus";
                            offer: {
                                attempt: number;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            origin: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            payment: {
                                amount: number;
                                /** @enum {string} */
                                method: "card" | "mobile_money" | "cash";
                                refundedAmount: number;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            } | null;
                            /** @enum {string} */
                            paymentMethod: "card" | "mobile_money" | "cash";
                            rejectReason: ("no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended") | null;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: uuid */
                            riderId: string;
                            riderName: string;
                            /** @enum {string} */
                            status: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                            /** Format: date-time */
                            updatedAt: string;
                            vehicle: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "bus" | "moto" | "car";
                                plate: string;
                            } | null;
                            vehicleId: string | null;
                        };
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiTripsByIdActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "accept" | "decline" | "arrive" | "start" | "complete";
                    /** Format: date-time */
                    at: string;
                    cashCollected?: boolean;
                    /** Format: uuid */
                    id: string;
                    /** Format: uuid */
                    tripId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: {
                            /** Format: date-time */
                            appliedAt: string;
                            error?: {
                                code: string;
                                message: string;
                            };
                            ok: boolean;
                            /** @enum {string} */
                            tripStatus: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiTripsByIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        trip: {
                            cancellationFee: number;
                            /** Format: date-time */
                            departAt: string;
                            destination: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            distanceMeters: number;
                            driver: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                phone: string | null;
                            } | null;
                            driverId: string | null;
                            etaMinutes: number | null;
                            fare: {
                                amount: number;
                                /** @constant */
                                currency: "RWF";
                            };
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            intentId: string;
                            /** @enum {string} */
                            kind: "moto" | "car" | "bus";
                            offer: {
                                attempt: number;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            origin: {
                                label?: string;
                                lat: number;
                                lon: number;
                            };
                            payment: {
                                amount: number;
                                /** @enum {string} */
                                method: "card" | "mobile_money" | "cash";
                                refundedAmount: number;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                            } | null;
                            /** @enum {string} */
                            paymentMethod: "card" | "mobile_money" | "cash";
                            rejectReason: ("no_vehicle_available" | "no_driver_found" | "stale" | "invalid" | "outside_service_area" | "account_suspended") | null;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: uuid */
                            riderId: string;
                            riderName: string;
                            /** @enum {string} */
                            status: "requested" | "assigned" | "accepted" | "driver_arrived" | "in_progress" | "completed" | "cancelled" | "rejected";
                            /** Format: date-time */
                            updatedAt: string;
                            vehicle: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "bus" | "moto" | "car";
                                plate: string;
                            } | null;
                            vehicleId: string | null;
                        };
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiTripsByIdReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        bookedAt: string;
                        /** @constant */
                        currency: "RWF";
                        distanceMeters: number;
                        from: string;
                        /** @enum {string} */
                        kind: "moto" | "car" | "bus";
                        lines: {
                            amount: number;
                            /** @enum {string} */
                            item: "moto_base" | "moto_distance" | "moto_long_distance" | "car_metered" | "bus_tariff" | "cancellation_fee";
                            km?: number;
                        }[];
                        netPaid: number;
                        number: string;
                        payments: {
                            amount: number;
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            method: "card" | "mobile_money" | "cash";
                            reference: string | null;
                            /** @enum {string} */
                            status: "pending" | "processing" | "succeeded" | "failed" | "partially_refunded" | "refunded";
                        }[];
                        refunds: {
                            amount: number;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                        }[];
                        riderName: string;
                        to: string;
                        total: number;
                        /** Format: uuid */
                        tripId: string;
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    getApiVehicles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        vehicles: {
                            capacity: number;
                            driverId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "bus" | "moto" | "car";
                            operator: string;
                            plate: string;
                            /** @enum {string} */
                            status: "available" | "on_trip" | "off_duty" | "inactive";
                        }[];
                    };
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiVehicles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    capacity: number;
                    /** @enum {string} */
                    kind: "bus" | "moto" | "car";
                    operator: string;
                    plate: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        vehicle: {
                            capacity: number;
                            driverId: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "bus" | "moto" | "car";
                            operator: string;
                            plate: string;
                            /** @enum {string} */
                            status: "available" | "on_trip" | "off_duty" | "inactive";
                        };
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The current state refuses the request (the code says which) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiVehiclesByIdPositions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    positions: {
                        accuracy?: number;
                        heading?: number;
                        id: string;
                        lat: number;
                        lon: number;
                        /** Format: date-time */
                        recordedAt: string;
                        speed?: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted: number;
                        duplicates: number;
                        rejected: {
                            id: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description No valid access token (unauthenticated, invalid_token, session_revoked, invalid_credentials) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description The caller’s role or account may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiWebhooksAirtel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    transaction: {
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        received: true;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    putApiWebhooksMomo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    externalId: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        received: true;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiWebhooksMomo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    externalId: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        received: true;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    postApiWebhooksStripe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The event exactly as Stripe signed it */
        requestBody: {
            content: {
                "application/json": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        duplicate: boolean;
                        /** @constant */
                        received: true;
                    };
                };
            };
            /** @description The request is not valid (validation_failed with details, invalid_json, or a named code) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description Nothing the caller may see under this path */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            /** @description An unexpected error (internal) or the database briefly unreachable (503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
}
