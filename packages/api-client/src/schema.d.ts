// Generated from openapi.json by `pnpm gen`; do not edit.
export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database and the job queue answer */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Answers a 15-minute access token and sets the rotating refresh token as an httpOnly cookie. A user with two-factor sign-in gets `{ mfaRequired, mfaToken }` instead (finish with POST /v1/auth/mfa); a user of a firm that requires MFA but who has none set up gets `{ mfaEnrolmentRequired, mfaToken }`. People who must sign in through their firm's identity provider get 403 `sso_required`; people who signed up and have not yet confirmed their email get 403 `email_not_verified`. Sign-in attempts are limited per address and email, and failed ones per address across emails (429 `rate_limited` with Retry-After); five failures in a row lock the account for a minute, doubling with each further failure up to an hour (429 `account_locked` with Retry-After).
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish signing in with a code from the authenticator, or a recovery code
         * @description Takes the `mfaToken` from sign-in and a 6-digit `code` (the current one, or one step either side) or a `recoveryCode` (each works once). Answers like sign-in. Wrong codes count toward the lockout.
         */
        post: operations["verifyMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/enrolment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set up an authenticator during sign-in, when the firm requires MFA
         * @description Takes the `mfaToken` of an `mfaEnrolmentRequired` sign-in; answers a new secret, its otpauth URI and a QR code. Confirm with a code at POST /v1/auth/mfa/enrolment/confirm.
         */
        post: operations["startSignInMfaEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/enrolment/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the new authenticator with a code and finish signing in
         * @description Answers like sign-in, plus ten recovery codes shown this once.
         */
        post: operations["confirmSignInMfaEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password reset link
         * @description Always answers 202, whether or not an account uses the email. If one does, a link valid for 30 minutes, good once, is emailed to it (not to people who must sign in through their firm's single sign-on).
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the token from a reset link
         * @description Spends the token, ends every session of the account and lifts any lockout. A spent or expired token answers 410; a password the policy refuses answers 422 `weak_password` with a `reason`.
         */
        post: operations["completePasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the refresh token and get a new access token
         * @description Spends the refresh token cookie and sets a new one. A token spent less than 10 s ago still refreshes (two tabs at once); presenting it after that ends every session of that sign-in. Pass `firmId` to switch to another firm the user belongs to.
         */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: end this sign-in and clear the refresh cookie */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, the firm they act for, their firms and networks */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What an invitation link is for, before accepting it */
        post: operations["lookupInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation to a firm and sign in
         * @description A new person sets a name and password; a person who already has an account enters its password. Answers like sign-in.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The firm's OpenID Connect provider (firm admins); the client secret is never shown */
        get: operations["getSsoConnection"];
        /**
         * Set up or change the firm's OpenID Connect provider (firm admins)
         * @description Runs OpenID Connect discovery against the issuer first: 422 `issuer_unreachable` when it does not answer, 422 `issuer_invalid` when it is not an OpenID provider, not https, or not on the public internet (private, loopback, link-local and metadata addresses are never fetched). The client secret is stored sealed (AES-256-GCM) and never answered back; it is required when creating the connection. Register `redirectUri` from the answer with the provider. `ssoOnly` refuses password sign-in to people of the firm's verified domains (the firm's admins excepted).
         */
        put: operations["putSsoConnection"];
        post?: never;
        /** Remove the firm's OpenID Connect provider (firm admins); its domains stay verified */
        delete: operations["deleteSsoConnection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}/sso/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The firm's email domains for single sign-on, verified or waiting for their DNS record (firm admins) */
        get: operations["listSsoDomains"];
        put?: never;
        /**
         * Claim an email domain for single sign-on (firm admins)
         * @description Answers the DNS TXT record to publish (`dnsRecordValue` at `dnsRecordName`, i.e. `accord-verification=<token>` at `_accord.<domain>`), then verify it with POST .../verify. A domain another firm has verified answers 409 `domain_taken`.
         */
        post: operations["addSsoDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}/sso/domains/{domainId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the domain's DNS TXT record and mark it verified (firm admins)
         * @description Looks up the TXT records of `_accord.<domain>`; one must be `accord-verification=<token>`. 422 `domain_verification_failed` when it is not there (DNS changes can take a while to show), 409 `domain_taken` when another firm verified the domain first.
         */
        post: operations["verifySsoDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}/sso/domains/{domainId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Give up an email domain (firm admins): its people sign in with passwords again */
        delete: operations["deleteSsoDomain"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sso/discover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether an email signs in through its firm's identity provider
         * @description Depends on the email's domain only (a verified domain of a firm with SSO switched on), never on whether an account uses the email.
         */
        get: operations["discoverSso"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sso/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing in through the email domain's identity provider
         * @description Answers the provider's authorization URL (code flow with PKCE S256, state and nonce); send the browser there. The sign-in must be finished within 10 minutes: the provider redirects to the portal at /sso/callback, which posts `state`, `code` and `iss` to POST /v1/auth/sso/callback. 400 `sso_not_available` when the domain has no SSO.
         */
        post: operations["startSsoSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sso/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish an SSO sign-in with what the identity provider sent back, and sign in
         * @description Answers like sign-in (plus the `redirectTo` given at the start) and sets the refresh cookie. People of the firm's verified domains are provisioned on their first sign-in with the connection's default role. The provider is trusted for the second factor (no TOTP step). 400 `sso_state_invalid` for an unknown, expired or already used state; 400 `sso_nonce_invalid` when the ID token is for another sign-in; 403 `sso_domain_mismatch` when the email is not in a verified domain of the firm; 403 `sso_email_unverified` without a verified email.
         */
        post: operations["finishSsoSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where you are signed in: device, address, when it started and was last used */
        get: operations["listMySessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign out one of your sessions; its access token stops working at once */
        delete: operations["revokeMySession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions/revoke-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out everywhere else, keeping this session */
        post: operations["revokeMyOtherSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password; your other sessions end
         * @description A wrong current password counts toward the lockout. A new password the policy refuses answers 422 `weak_password` with a `reason` (`too_short`, `too_long`, `common`, `personal`).
         */
        post: operations["changeMyPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa/totp": {
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
         * @description Answers a new secret, its otpauth URI and a QR code. Nothing changes for sign-in until a code confirms it at POST /v1/me/mfa/totp/confirm.
         */
        post: operations["startTotpEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn on two-factor sign-in with a code from the new authenticator
         * @description Answers ten recovery codes, each good once, shown this once.
         */
        post: operations["confirmTotpEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa": {
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
         * Turn off two-factor sign-in (needs your password and a current code)
         * @description Refused while a firm you belong to requires MFA.
         */
        delete: operations["disableMfa"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A firm: your own, or a partner in one of your networks */
        get: operations["getFirm"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change your firm's settings: require two-factor sign-in of every member (firm admins)
         * @description With `requireMfa`, members without an authenticator must set one up at their next sign-in, and cannot turn theirs off.
         */
        patch: operations["updateFirm"];
        trace?: never;
    };
    "/v1/firms/{firmId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The firm's users and their roles */
        get: operations["listFirmUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a user from the firm (firm admins) */
        delete: operations["removeFirmUser"];
        options?: never;
        head?: never;
        /**
         * Change a user's role in the firm, or deactivate or reactivate them (firm admins)
         * @description Deactivating (`active: false`) ends the member's sessions for this firm at once, refuses their sign-in for it and stops the API keys they created; reactivating lets them sign in again.
         */
        patch: operations["updateFirmUser"];
        trace?: never;
    };
    "/v1/firms/{firmId}/users/{userId}/sessions/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a member's sessions for this firm at once (firm admins)
         * @description Their access tokens stop working immediately; they can sign in again.
         */
        post: operations["revokeFirmUserSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The firm's invitations, newest first (firm admins) */
        get: operations["listUserInvitations"];
        put?: never;
        /**
         * Invite a colleague by email (firm admins)
         * @description Emails a link valid for 7 days (through the outbox; in development the link is logged). A new invitation to the same address replaces a pending one.
         */
        post: operations["inviteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a pending invitation (firm admins) */
        delete: operations["withdrawUserInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Networks your firm belongs to or is invited to */
        get: operations["listNetworks"];
        put?: never;
        /**
         * Create a value-chain network led by your firm
         * @description Your firm becomes its focal firm and first active member, with you as executive sponsor.
         */
        post: operations["createNetwork"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One network */
        get: operations["getNetwork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename or describe the network (the focal firm's managers) */
        patch: operations["updateNetwork"];
        trace?: never;
    };
    "/v1/networks/{networkId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The network's member firms, with role, stage and executive sponsor */
        get: operations["listNetworkMembers"];
        put?: never;
        /**
         * Invite a partner firm into the network (the focal firm)
         * @description The partner's firm admins accept or decline from their own portal.
         */
        post: operations["invitePartnerFirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people of the network's active member firms (to name team members and boundary spanners) */
        get: operations["listNetworkPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/members/{firmId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set a member's relationship stage or chain role (focal firm) or its executive sponsor (the member) */
        patch: operations["updateNetworkMember"];
        trace?: never;
    };
    "/v1/networks/{networkId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept your firm's invitation into the network (firm admins) */
        post: operations["acceptNetworkInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline your firm's invitation into the network (firm admins) */
        post: operations["declineNetworkInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a new firm up, with its first user as firm admin
         * @description Creates the firm (its slug derived from the name, with -2, -3... when taken) and you as its firm admin, and emails a link to confirm the address (valid 24 hours): sign-in answers 403 `email_not_verified` until it is followed. With `networkInvitation` (the token of a firm invitation, sent to this very email) the firm joins the inviting network as an active member, you as its executive sponsor, and the email counts as confirmed. 409 `firm_name_taken` (the name, or one that looks the same, is taken) / `email_taken`; 422 `mixed_script_name` (a word mixes scripts) / `weak_password`; 429 when too many sign-ups come from one address or email domain.
         */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with the link sent at sign-up
         * @description The link works once, within its validity; then sign in.
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a new link to confirm an email address
         * @description Always answers 202, whether or not the address has an account awaiting confirmation; earlier links stop working.
         */
        post: operations["resendEmailVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firm-invitations/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a firm invitation link offers, to prefill the sign-up
         * @description 404 `invitation_not_found` for an unknown token; 410 `invitation_used`, `invitation_withdrawn` or `invitation_expired` for one that can no longer be used.
         */
        get: operations["lookUpFirmInvitation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/firm-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations of firms not yet on Accord into the network, newest first (the focal firm) */
        get: operations["listFirmInvitations"];
        put?: never;
        /**
         * Invite a partner firm that is not on Accord by email (the focal firm)
         * @description Emails a sign-up link valid for 14 days; signing up through it makes the new firm an active member with this chain role. A new invitation to the same address replaces a pending one. Firms already on Accord are invited by slug (POST /v1/networks/{networkId}/members).
         */
        post: operations["inviteFirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/firm-invitations/{firmInvitationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a firm invitation again, with a new link and expiry (the focal firm)
         * @description The earlier link stops working. 409 `invitation_not_pending` once used or withdrawn.
         */
        post: operations["resendFirmInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/firm-invitations/{firmInvitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a pending firm invitation (the focal firm) */
        delete: operations["withdrawFirmInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The firm's pipeline API keys, newest first (firm admins) */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key for a data pipeline (firm admins)
         * @description The key is answered once, in `key`; Accord keeps only its hash. Pipelines send it as `Authorization: Bearer acc_...` to push feeds of the allowed datasets into the network.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}/api-keys/{apiKeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key at once (firm admins) */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/feeds/{dataset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push a feed of one dataset: CSV or NDJSON, optionally gzip-compressed, up to 2 GB
         * @description Send `Content-Type: text/csv` (a header row, then data rows) or `application/x-ndjson` (one JSON object per line), with `Content-Encoding: gzip` when compressed, and an `Idempotency-Key`. The body is stored as it streams in; the batch is then checked and loaded in the background: follow it at `GET .../batches/{batchId}`. Columns per dataset: see the README. Raw `customer_id`s are hashed on ingest and never stored; or send `customer_key`s hashed with the recipe at `GET .../hashing`. Retry with the same key and body after `Retry-After` seconds when answered 429 `too_many_uploads` (a firm may have 4 uploads arriving at once), 409 `batch_in_progress` (the first upload is still arriving; one that stopped arriving is taken over after a minute), 408 `body_timeout` (no byte for 30 s) or 503. A feed is at most 2 GiB as sent and, gzip-compressed, once inflated (413 `body_too_large`, 422 `inflated_too_large`); a header has at most 256 columns; a batch keeps the problems of its first 10,000 rejected rows (`errorRowsKept`) and counts them all.
         */
        post: operations["pushFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your firm's feed batches in this network, newest first */
        get: operations["listBatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/batches/{batchId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One feed batch: status, rows received, accepted and rejected, progress */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/batches/{batchId}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A batch's rejected rows: row number, column, value, code and message
         * @description JSON pages by default; `?format=csv` streams every error as text/csv, to the last.
         */
        get: operations["listBatchErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your firm's datasets in this network: rows held, last batch, freshness */
        get: operations["listDatasets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/hashing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The network's recipe for pseudonymous customer keys, so pipelines can hash before sending */
        get: operations["getHashingRecipe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sharing agreements your firm is party to in this network
         * @description Agreements granting your data, granting you data (to your firm or to the whole network), and requests either way. Newest first.
         */
        get: operations["listAgreements"];
        put?: never;
        /**
         * Grant one of your firm's datasets to a partner or to the whole network
         * @description In effect from startsOn (default today) until endsOn or until you revoke it. When several agreements apply to a partner, the stricter wins: an aggregate-level one hides rows a customer-level one would show, and the largest k applies.
         */
        post: operations["grantAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/dataset-catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The dataset catalog: who shares what with whom
         * @description For each member firm and dataset it has published in this network (at least one succeeded feed batch): its succeeded batches, when it was last loaded, and the agreements in force on it today (to whom, level, k), between any members. Never row counts. Ordered by firm name and dataset.
         */
        get: operations["listDatasetCatalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/agreements/{agreementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sharing agreement */
        get: operations["getAgreement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/agreement-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask a partner for access to one of its datasets
         * @description The partner sees the request among its agreements and approves or declines it.
         */
        post: operations["requestAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/agreements/{agreementId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a request for your data */
        post: operations["approveAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/agreements/{agreementId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a request for your data */
        post: operations["declineAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/agreements/{agreementId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an agreement on your data, effective at once */
        post: operations["revokeAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/aggregates/{dataset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Grouped results over your data and the data partners grant you
         * @description Per owner firm and one dimension: distinct customers, rows, amount and quantity. Your own data and customer-level grants are live. Another firm's data at aggregate level comes from released months only (a month is released seven days after it ends and never changes after): in a released month a fact counts only where, in every dimension, its group has at least k distinct customers and no customer holds more than half of it, or it pools into one such "other" row (pooled: true); so every dimension adds up to the same total, and answers cannot be subtracted from one another to isolate fewer than k customers. Each read of another firm writes its access log. An API key reads only the datasets it is for (403 `dataset_not_allowed`).
         */
        get: operations["readAggregates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/firms/{firmId}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who read your firm's data: reader, dataset, level, purpose, how much, when
         * @description Newest first. `?format=csv` streams every entry as text/csv, to the last.
         */
        get: operations["listAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/customers/{customerKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Customer 360 by pseudonymous key
         * @description Purchases by partner and channel, spend and share of wallet per partner, returns, shipments with on-time status, service cases, activities per firm and code, first and last purchase: from your own data and what partners grant you at customer level. `hidden` names the partners holding data you have not been granted, among those that already share some dataset with you at customer level (each such hint is in their access log). Every other firm's rows shown are written to its access log.
         */
        get: operations["getCustomer360"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/customers/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Customer 360 by raw identifier (hashed here, never stored)
         * @description Purchases by partner and channel, spend and share of wallet per partner, returns, shipments with on-time status, service cases, activities per firm and code, first and last purchase: from your own data and what partners grant you at customer level. `hidden` names the partners holding data you have not been granted, among those that already share some dataset with you at customer level (each such hint is in their access log). Every other firm's rows shown are written to its access log.
         */
        post: operations["lookupCustomer360"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Insights shared with your firm in this network, newest first (the latest 200) */
        get: operations["listInsights"];
        put?: never;
        /** Share an insight with the network or with chosen partners */
        post: operations["shareInsight"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/insights/{insightId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One insight with its comments */
        get: operations["getInsight"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/insights/{insightId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment on an insight you can read */
        post: operations["commentOnInsight"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/cost-model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your firm's cost model: activity rates for cost-to-serve, CLV margin and discount, matrix thresholds */
        get: operations["getCostModel"];
        /**
         * Set your firm's cost model; your customer value is recomputed with it
         * @description Each firm prices its own activities: a recompute charges every visible row at the rates of the firm that owns it.
         */
        put: operations["putCostModel"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/customer-value/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recompute your firm's customer features now, as of a day */
        post: operations["recomputeCustomerValue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/customer-features": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your firm's customer features from its latest complete recompute (paged, filtered, sorted, or CSV)
         * @description Computed from everything your firm may see: its own data and data granted to it at customer level. Sorting puts customers without a value (no model fit) last. `format=csv` exports every matching row.
         */
        get: operations["listCustomerFeatures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/customer-value": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Segment summaries, RFM segments and heatmap, whale curve and profitability matrix of your latest features */
        get: operations["getCustomerValue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/clv-model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fit BG/NBD and Gamma-Gamma on the purchases you may see, up to a calibration end
         * @description Same-day purchases count as one transaction. x = purchase days after the first, t_x = first to last, T = first purchase to the calibration end, in the time unit; Gamma-Gamma fits the repeat buyers’ mean repeat-day spend. Reading partners’ data is written to their access logs.
         */
        get: operations["getClvModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/clv-model/diagnostics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the BG/NBD fit on a calibration period against the holdout after it
         * @description BG/NBD is fitted as by getClvModel on the purchases up to calibrationEnd, then held against what the same customers (those who first bought by calibrationEnd) did up to holdoutEnd: holdout purchases by calibration frequency, the cohort’s repeat purchases per period against the model’s expectation, and the frequency/recency matrix of expected purchases and P(alive). Same-day purchases count as one. Null diagnostics when too few customers (20) or repeat buyers to fit. holdoutEnd must be after calibrationEnd (`holdout_not_after_calibration`), by at most 3,660 days (`holdout_too_long`). Reading partners’ transactions is written to their access logs.
         */
        get: operations["getClvModelDiagnostics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/segmentation-schemes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The network's joint segmentation scheme, every published version, and the features rules can use */
        get: operations["listSegmentationSchemes"];
        put?: never;
        /** Publish a new version of the joint scheme (the focal firm); every member is recomputed with it */
        post: operations["publishSegmentationScheme"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/segment-labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your firm's own segment labels: customers per label and the joint segment each is mapped to */
        get: operations["getSegmentLabels"];
        /**
         * Replace your firm's segment labels with a CSV (customer_id or customer_key, label)
         * @description customer_id values are hashed with the network’s key and never stored. Any bad row refuses the whole file (the problems are listed) and the labels you had stay. Alignment is measured again at once.
         */
        put: operations["uploadSegmentLabels"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/segment-label-mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Map your own labels onto the joint segments (replaces the mapping); alignment is measured again */
        put: operations["mapSegmentLabels"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/segment-alignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How far your mapped labels agree with the joint segments: the latest matrix, kappa and ARI, and history */
        get: operations["getSegmentAlignment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The network's scorecards */
        get: operations["listScorecards"];
        put?: never;
        /**
         * Create a scorecard (focal firm): from the default joint template, or empty
         * @description The current period opens at once and is scored for your firm; every member firm then scores it from what it may see.
         */
        post: operations["createScorecard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A scorecard: its measures (with retired ones) and periods */
        get: operations["getScorecard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a scorecard or weigh its perspectives (focal firm); a new version to sign off */
        patch: operations["updateScorecard"];
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a measure (focal firm): a library code, or none for a manual measure */
        post: operations["addScorecardMeasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}/measures/{measureId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a measure (focal firm): definition, target, thresholds, weight, owner
         * @description Closed periods keep the settings they were scored with.
         */
        put: operations["updateScorecardMeasure"];
        post?: never;
        /** Retire a measure (focal firm): no longer scored; closed periods keep it */
        delete: operations["retireScorecardMeasure"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score the open periods again from the exchange (for your firm now, every member's in the background) */
        post: operations["recomputeScorecard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A period scored as your firm sees it: overall, perspectives, measures with traffic lights and trends
         * @description For the whole chain (`subject=chain`, the default) or one partner. Values come from the data your firm may see: a partner whose data is not shared with you shows as missing. `format=csv` answers the measure table as CSV.
         */
        get: operations["getScorecardPeriod"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One measure in a period: partners ranked, the drill-down to batches and groups, comments, actions */
        get: operations["getScorecardMeasure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/manual-value": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Enter a manual measure's value for the period (its owner firm), with a comment */
        put: operations["putScorecardManualValue"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment on a measure in a period (every member reads it) */
        post: operations["addScorecardComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/measures/{measureId}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Raise an action on a measure in a period: what, which firm owns it, by when */
        post: operations["addScorecardAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecard-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The network's scorecard actions: open ones (default) or all, soonest due first */
        get: operations["listScorecardActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecard-actions/{actionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Move an action on (its owner firm or the firm that raised it): status, due date, title */
        patch: operations["updateScorecardAction"];
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/sign-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign off the period's measures and targets for your firm (the scorecard version in force) */
        post: operations["signOffScorecardPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/scorecards/{scorecardId}/periods/{periodId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an ended period (focal firm): scored a last time for every member, then never changed */
        post: operations["closeScorecardPeriod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The network's joint strategy: team, versions, partners' sponsors and their decisions */
        get: operations["getStrategy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a new version (strategy team): a draft copy of the newest version, or an empty first one */
        post: operations["startStrategyVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy/versions/{versionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version with its content, comments and the sponsors’ decisions */
        get: operations["getStrategyVersion"];
        /**
         * Save a draft’s title and sections (strategy team)
         * @description Only a draft changes; a version in review goes back to draft first, a published one never changes.
         */
        put: operations["updateStrategyVersion"];
        post?: never;
        /** Discard a draft (strategy team) */
        delete: operations["discardStrategyDraft"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy/versions/{versionId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a draft in review (strategy team) */
        post: operations["submitStrategyVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy/versions/{versionId}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return a version in review to draft, to edit it (strategy team) */
        post: operations["returnStrategyVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy/versions/{versionId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a version in review (the focal firm's team members): members are notified, sponsors emailed */
        post: operations["publishStrategyVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy/versions/{versionId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment on a section of a version you can read */
        post: operations["commentOnStrategy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy/versions/{versionId}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign off the latest published version, or request changes with a reason (a partner's executive sponsor)
         * @description The decision binds to this version: a later version needs a decision of its own. A new decision on the same version replaces the standing one; the history is kept.
         */
        post: operations["decideOnStrategy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two versions, section by section (by default: in the newest version) */
        get: operations["diffStrategyVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a partner firm's manager onto the strategy team (the focal firm's team members) */
        post: operations["addStrategyTeamMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/strategy/team/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take an invited partner manager off the strategy team (the focal firm’s team members) */
        delete: operations["removeStrategyTeamMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first, with the unread count */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification read */
        post: operations["readNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications read */
        post: operations["readAllNotifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner portfolio: each partner’s value and relationship, and whom to bring into the strategy team */
        get: operations["getPartnerPortfolio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/partners/{firmId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One relationship: value, spectrum, integration, contacts and survey history
         * @description For the focal firm and the partner itself; anyone else is told it does not exist.
         */
        get: operations["getPartnerProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/partners/{firmId}/assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Answer the relationship-spectrum indicators and integration levels for your side */
        put: operations["assessRelationship"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/partners/{firmId}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Name one of your people as a boundary spanner of the relationship */
        post: operations["addRelationshipContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/partners/{firmId}/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one of your boundary spanners from the relationship */
        delete: operations["removeRelationshipContact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/surveys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The relationship health survey: its questions, and its rounds with what you still owe */
        get: operations["listSurveyRounds"];
        put?: never;
        /** Open a round of the relationship health survey (focal firm): both sides of every relationship answer */
        post: operations["openSurveyRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/surveys/{roundId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A round: per relationship you are party to, each side’s scores and your own answers */
        get: operations["getSurveyRound"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/networks/{networkId}/surveys/{roundId}/responses/{partnerFirmId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Answer the round for one relationship, as your side (again to change your answers while it is open) */
        put: operations["answerSurvey"];
        post?: never;
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
        /**
         * Problem
         * @description RFC 9457 problem details.
         */
        Problem: {
            /** @description A URI naming the kind of problem. */
            type: string;
            title: string;
            status: number;
            /** @description Stable machine-readable code, e.g. `validation_failed`. */
            code: string;
            /** @description What went wrong and what to fix. */
            detail?: string;
            instance?: string;
            /** @description A finer machine-readable cause, e.g. why a password was refused (`common`). */
            reason?: string;
            /** @description Each invalid part of the request. */
            errors?: {
                path: string;
                message: string;
            }[];
        };
        UserSummary: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
        };
        FirmOfUser: {
            /** Format: uuid */
            id: string;
            name: string;
            slug: string;
            /** @enum {unknown} */
            chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
            /** @enum {unknown} */
            role: "firm_admin" | "manager" | "analyst" | "viewer";
        };
        Session: {
            accessToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description Seconds until the access token expires. */
            expiresIn: number;
            user: components["schemas"]["UserSummary"];
            firm: components["schemas"]["FirmOfUser"];
        };
        /** @description The password was right; send a code from the authenticator next. */
        MfaRequired: {
            /** @enum {boolean} */
            mfaRequired: true;
            /** @description Good only for finishing this sign-in (POST /v1/auth/mfa or the enrolment steps), once. */
            mfaToken: string;
            /** @description Seconds left to finish the sign-in. */
            expiresIn: number;
        };
        /** @description The password was right, and the firm requires MFA: set up an authenticator to finish signing in. */
        MfaEnrolmentRequired: {
            /** @enum {boolean} */
            mfaEnrolmentRequired: true;
            /** @description Good only for finishing this sign-in (POST /v1/auth/mfa or the enrolment steps), once. */
            mfaToken: string;
            /** @description Seconds left to finish the sign-in. */
            expiresIn: number;
        };
        TotpEnrolment: {
            /** @description Base32, for typing into an authenticator by hand. */
            secret: string;
            otpauthUri: string;
            /** @description The otpauth URI as a PNG QR code, as a data: URL. */
            qrCodeDataUrl: string;
        };
        UserSession: {
            /** Format: uuid */
            id: string;
            /** @description Browser and system, read from the user agent, e.g. "Firefox on Linux". */
            device: string;
            ip: string | null;
            /** Format: uuid */
            firmId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastSeenAt: string;
            /** @description The session this request comes from. */
            current: boolean;
        };
        Firm: {
            /** Format: uuid */
            id: string;
            name: string;
            slug: string;
            /** @enum {unknown} */
            chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
            /** Format: date-time */
            createdAt: string;
            /** @description Members must sign in with an authenticator (TOTP). */
            requireMfa: boolean;
        };
        FirmUser: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {unknown} */
            role: "firm_admin" | "manager" | "analyst" | "viewer";
            /** Format: date-time */
            joinedAt: string;
            /** @description Deactivated in this firm by a firm admin (or the whole account): cannot sign in for the firm. */
            deactivated: boolean;
        };
        UserInvitation: {
            /** Format: uuid */
            id: string;
            email: string;
            /** @enum {unknown} */
            role: "firm_admin" | "manager" | "analyst" | "viewer";
            status: "pending" | "accepted" | "withdrawn" | "expired";
            invitedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
        };
        Network: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            focalFirm: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @enum {unknown} */
            myStatus: "invited" | "active" | "declined";
            activeMembers: number;
            /** Format: date-time */
            createdAt: string;
        };
        NetworkMember: {
            firm: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            };
            /** @enum {unknown} */
            chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
            /** @enum {unknown} */
            status: "invited" | "active" | "declined";
            /** @enum {unknown} */
            relationshipStage: "transactional" | "value_adding" | "collaborative";
            executiveSponsor: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
            } | null;
            isFocalFirm: boolean;
            /** Format: date-time */
            invitedAt: string;
            joinedAt: string | null;
        };
        FirmInvitation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            networkId: string;
            email: string;
            firmName: string | null;
            /** @enum {unknown} */
            chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
            status: "pending" | "accepted" | "withdrawn" | "expired";
            invitedBy: string | null;
            /** @description The firm that signed up through it. */
            acceptedFirmId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            networkId: string;
            datasets: ("transactions" | "shipments" | "service_cases" | "activities")[];
            /** @description The first part of the key, to tell keys apart. */
            prefix: string;
            createdBy: string | null;
            /** Format: date-time */
            createdAt: string;
            expiresAt: string | null;
            revokedAt: string | null;
            lastUsedAt: string | null;
        };
        Batch: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            networkId: string;
            /** Format: uuid */
            firmId: string;
            /** @enum {unknown} */
            dataset: "transactions" | "shipments" | "service_cases" | "activities";
            /** @enum {unknown} */
            status: "receiving" | "received" | "validating" | "loading" | "succeeded" | "failed";
            /** @enum {unknown} */
            format: "csv" | "ndjson";
            compressed: boolean;
            idempotencyKey: string;
            bytes: number;
            /** @enum {unknown} */
            onError: "skip" | "reject";
            ignoreUnknown: boolean;
            /** @description Data rows read so far. */
            rowsReceived: number;
            rowsAccepted: number;
            rowsRejected: number;
            /** @description Rejected rows whose problems are kept at `.../errors`: all of them, up to the first 10,000 of a batch. */
            errorRowsKept: number;
            progress: number;
            /** @description Why the whole batch failed, when it did. */
            error: {
                code: string;
                message: string;
            } | null;
            submittedBy: "user" | "api_key";
            /** Format: date-time */
            createdAt: string;
            receivedAt: string | null;
            startedAt: string | null;
            finishedAt: string | null;
        };
        Agreement: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            networkId: string;
            owner: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description null: every active member of the network. */
            grantee: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            /** @enum {unknown} */
            dataset: "transactions" | "shipments" | "service_cases" | "activities";
            /**
             * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
             * @enum {unknown}
             */
            level: "customer" | "aggregate";
            /** @description k, for aggregate-level agreements. */
            minGroupSize: number;
            purpose: string;
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            startsOn: string;
            endsOn: string | null;
            /** @enum {unknown} */
            status: "requested" | "active" | "declined" | "revoked";
            /** @description Active, started and not ended today. */
            inEffect: boolean;
            /** @description Asked for by the grantee. */
            requested: boolean;
            decisionReason: string | null;
            /** Format: date-time */
            createdAt: string;
            decidedAt: string | null;
            revokedAt: string | null;
        };
        Customer360: {
            customerKey: string;
            firstPurchaseAt: string | null;
            lastPurchaseAt: string | null;
            partners: {
                firm: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                channels: {
                    channel: string;
                    orders: number;
                    lines: number;
                }[];
                spend: {
                    currency: string;
                    /** @description Exact decimal. */
                    net: string;
                    /** @description Exact decimal. */
                    refunds: string;
                    /** @description This partner's share of the customer's net spend in this currency. */
                    shareOfWallet: number;
                }[];
                returnedLines: number;
                firstPurchaseAt: string | null;
                lastPurchaseAt: string | null;
            }[];
            shipments: {
                firm: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                shipmentId: string;
                orderId: string;
                carrier: string;
                /** Format: date-time */
                promisedAt: string;
                deliveredAt: string | null;
                expedited: boolean;
                /** @enum {unknown} */
                status: "on_time" | "late" | "in_transit" | "overdue";
            }[];
            serviceCases: {
                firm: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                caseId: string;
                /** Format: date-time */
                openedAt: string;
                resolvedAt: string | null;
                channel: string;
                category: string;
                satisfaction: number | null;
            }[];
            /** @description Per firm and activity code. */
            activities: {
                firm: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                /** @description A code of the firm's cost model. */
                activity: string;
                /** @description How many times. */
                count: number;
                /** @description The quantities summed, exact. */
                quantity: string;
                /** Format: date-time */
                firstAt: string;
                /** Format: date-time */
                lastAt: string;
            }[];
            hidden: {
                firm: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                datasets: ("transactions" | "shipments" | "service_cases" | "activities")[];
            }[];
        };
        Insight: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            networkId: string;
            author: {
                firm: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                };
                /** @description Null when the author is not someone you can see. */
                user: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                } | null;
            };
            title: string;
            /** @description Markdown as written. */
            body: string;
            /** @description The Markdown rendered to sanitised HTML (no scripts, styles or images). */
            bodyHtml: string;
            tags: string[];
            dataset: ("transactions" | "shipments" | "service_cases" | "activities") | null;
            /** @description The joint segment it is about, by name. */
            segment: string | null;
            /**
             * @description network: every active member; firms: the chosen readers (and the author firm).
             * @enum {unknown}
             */
            audience: "network" | "firms";
            readers: {
                /** Format: uuid */
                id: string;
                name: string;
            }[];
            comments: {
                /** Format: uuid */
                id: string;
                author: {
                    firm: {
                        /** Format: uuid */
                        id: string;
                        name: string;
                    };
                    /** @description Null when the author is not someone you can see. */
                    user: {
                        /** Format: uuid */
                        id: string;
                        name: string;
                    } | null;
                };
                /** @description Markdown as written. */
                body: string;
                /** @description The Markdown rendered to sanitised HTML (no scripts, styles or images). */
                bodyHtml: string;
                /** Format: date-time */
                createdAt: string;
            }[];
            /** Format: date-time */
            createdAt: string;
        };
        SsoConnection: {
            issuer: string;
            clientId: string;
            /**
             * @description The client secret is stored (sealed) and never shown again.
             * @enum {boolean}
             */
            hasSecret: true;
            /**
             * @description The role of people provisioned on their first SSO sign-in (never firm admin).
             * @enum {unknown}
             */
            defaultRole: "viewer" | "analyst" | "manager";
            /** @description People of the verified domains may not sign in with a password. */
            ssoOnly: boolean;
            enabled: boolean;
            /** @description The redirect URI to register with the provider. */
            redirectUri: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SsoDomain: {
            /** Format: uuid */
            id: string;
            domain: string;
            verified: boolean;
            verifiedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Where to publish the TXT record. */
            dnsRecordName: string;
            /** @description The TXT record to publish there. */
            dnsRecordValue: string;
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
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                        database: "ok" | "down" | "embedded";
                        queue: "ok" | "down" | "embedded";
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "not_ready";
                        database: "ok" | "down" | "embedded";
                        queue: "ok" | "down" | "embedded";
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                    /** Format: uuid */
                    firmId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"] | components["schemas"]["MfaRequired"] | components["schemas"]["MfaEnrolmentRequired"];
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mfaToken: string;
                    /** @description The 6-digit code from the authenticator. */
                    code?: string;
                    /** @description One of the recovery codes, instead of a code. */
                    recoveryCode?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        user: components["schemas"]["UserSummary"];
                        firm: components["schemas"]["FirmOfUser"];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startSignInMfaEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mfaToken: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Base32, for typing into an authenticator by hand. */
                        secret: string;
                        otpauthUri: string;
                        /** @description The otpauth URI as a PNG QR code, as a data: URL. */
                        qrCodeDataUrl: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmSignInMfaEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mfaToken: string;
                    /** @description The 6-digit code from the authenticator. */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        user: components["schemas"]["UserSummary"];
                        firm: components["schemas"]["FirmOfUser"];
                        /** @description One-time codes for when the authenticator is lost: shown this once, never again. */
                        recoveryCodes: string[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    completePasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshSession: {
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
                     * Format: uuid
                     * @description Switch to another firm the user belongs to.
                     */
                    firmId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        user: components["schemas"]["UserSummary"];
                        firm: components["schemas"]["FirmOfUser"];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mfa: {
                            /** @description The user signs in with an authenticator. */
                            enabled: boolean;
                            /** @description The acting firm requires MFA of its members. */
                            required: boolean;
                        };
                        user: components["schemas"]["UserSummary"];
                        firm: components["schemas"]["FirmOfUser"];
                        firms: components["schemas"]["FirmOfUser"][];
                        networks: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            focalFirmId: string;
                            /** @enum {unknown} */
                            status: "invited" | "active" | "declined";
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lookupInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        firmName: string;
                        email: string;
                        /** @enum {unknown} */
                        role: "firm_admin" | "manager" | "analyst" | "viewer";
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description True when the email already has an account: accept with its password. */
                        userExists: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** @description Required for a new account; ignored for an existing one. */
                    name?: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        user: components["schemas"]["UserSummary"];
                        firm: components["schemas"]["FirmOfUser"];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSsoConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issuer: string;
                        clientId: string;
                        /**
                         * @description The client secret is stored (sealed) and never shown again.
                         * @enum {boolean}
                         */
                        hasSecret: true;
                        /**
                         * @description The role of people provisioned on their first SSO sign-in (never firm admin).
                         * @enum {unknown}
                         */
                        defaultRole: "viewer" | "analyst" | "manager";
                        /** @description People of the verified domains may not sign in with a password. */
                        ssoOnly: boolean;
                        enabled: boolean;
                        /** @description The redirect URI to register with the provider. */
                        redirectUri: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putSsoConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description The OpenID Connect issuer URL; its /.well-known/openid-configuration must answer.
                     */
                    issuer: string;
                    clientId: string;
                    /** @description Required when creating the connection; omit to keep the stored one. */
                    clientSecret?: string;
                    /**
                     * @description The role of people provisioned on their first SSO sign-in (never firm admin).
                     * @enum {unknown}
                     */
                    defaultRole: "viewer" | "analyst" | "manager";
                    /** @default false */
                    ssoOnly?: boolean;
                    /** @default true */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        issuer: string;
                        clientId: string;
                        /**
                         * @description The client secret is stored (sealed) and never shown again.
                         * @enum {boolean}
                         */
                        hasSecret: true;
                        /**
                         * @description The role of people provisioned on their first SSO sign-in (never firm admin).
                         * @enum {unknown}
                         */
                        defaultRole: "viewer" | "analyst" | "manager";
                        /** @description People of the verified domains may not sign in with a password. */
                        ssoOnly: boolean;
                        enabled: boolean;
                        /** @description The redirect URI to register with the provider. */
                        redirectUri: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSsoConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSsoDomains: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SsoDomain"][];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addSsoDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An email domain, such as example.com. */
                    domain: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        domain: string;
                        verified: boolean;
                        verifiedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Where to publish the TXT record. */
                        dnsRecordName: string;
                        /** @description The TXT record to publish there. */
                        dnsRecordValue: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifySsoDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        domain: string;
                        verified: boolean;
                        verifiedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Where to publish the TXT record. */
                        dnsRecordName: string;
                        /** @description The TXT record to publish there. */
                        dnsRecordValue: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSsoDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
                domainId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    discoverSso: {
        parameters: {
            query: {
                email: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The email's domain signs in through its firm's identity provider. */
                        sso: boolean;
                        /** @description Password sign-in is refused for this domain. */
                        ssoOnly: boolean;
                        /** @description The name of the firm that owns the domain. */
                        firm?: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startSsoSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @description A portal path to go to after signing in; answered back by the callback. */
                    redirectTo?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send the browser here: the provider's sign-in page. */
                        authorizationUrl: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finishSsoSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    state: string;
                    code: string;
                    /** @description The `iss` parameter, when the provider sent one. */
                    iss?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        user: components["schemas"]["UserSummary"];
                        firm: components["schemas"]["FirmOfUser"];
                        /** @description The portal path given when the sign-in started, if any. */
                        redirectTo: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMySessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UserSession"][];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeMySession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeMyOtherSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many sessions were ended. */
                        revoked: number;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeMyPassword: {
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
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startTotpEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Base32, for typing into an authenticator by hand. */
                        secret: string;
                        otpauthUri: string;
                        /** @description The otpauth URI as a PNG QR code, as a data: URL. */
                        qrCodeDataUrl: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmTotpEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code from the authenticator. */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description One-time codes for when the authenticator is lost: shown this once, never again. */
                        recoveryCodes: string[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disableMfa: {
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
                    /** @description The 6-digit code from the authenticator. */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        slug: string;
                        /** @enum {unknown} */
                        chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Members must sign in with an authenticator (TOTP). */
                        requireMfa: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateFirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    requireMfa: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        slug: string;
                        /** @enum {unknown} */
                        chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Members must sign in with an authenticator (TOTP). */
                        requireMfa: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFirmUsers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            name: string;
                            /** @enum {unknown} */
                            role: "firm_admin" | "manager" | "analyst" | "viewer";
                            /** Format: date-time */
                            joinedAt: string;
                            /** @description Deactivated in this firm by a firm admin (or the whole account): cannot sign in for the firm. */
                            deactivated: boolean;
                        }[];
                        /** @description Null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeFirmUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateFirmUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    role?: "firm_admin" | "manager" | "analyst" | "viewer";
                    /** @description false deactivates the member: their sessions for this firm end, they cannot sign in for it, and API keys they created stop working. true reactivates them. */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        name: string;
                        /** @enum {unknown} */
                        role: "firm_admin" | "manager" | "analyst" | "viewer";
                        /** Format: date-time */
                        joinedAt: string;
                        /** @description Deactivated in this firm by a firm admin (or the whole account): cannot sign in for the firm. */
                        deactivated: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeFirmUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many sessions were ended. */
                        revoked: number;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUserInvitations: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            /** @enum {unknown} */
                            role: "firm_admin" | "manager" | "analyst" | "viewer";
                            status: "pending" | "accepted" | "withdrawn" | "expired";
                            invitedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                        }[];
                        /** @description Null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    inviteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {unknown} */
                    role: "firm_admin" | "manager" | "analyst" | "viewer";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        /** @enum {unknown} */
                        role: "firm_admin" | "manager" | "analyst" | "viewer";
                        status: "pending" | "accepted" | "withdrawn" | "expired";
                        invitedBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawUserInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNetworks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            focalFirm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** @enum {unknown} */
                            myStatus: "invited" | "active" | "declined";
                            activeMembers: number;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        nextCursor: null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createNetwork: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string;
                        focalFirm: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** @enum {unknown} */
                        myStatus: "invited" | "active" | "declined";
                        activeMembers: number;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNetwork: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string;
                        focalFirm: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** @enum {unknown} */
                        myStatus: "invited" | "active" | "declined";
                        activeMembers: number;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNetwork: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string;
                        focalFirm: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** @enum {unknown} */
                        myStatus: "invited" | "active" | "declined";
                        activeMembers: number;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNetworkMembers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                slug: string;
                            };
                            /** @enum {unknown} */
                            chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                            /** @enum {unknown} */
                            status: "invited" | "active" | "declined";
                            /** @enum {unknown} */
                            relationshipStage: "transactional" | "value_adding" | "collaborative";
                            executiveSponsor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            isFocalFirm: boolean;
                            /** Format: date-time */
                            invitedAt: string;
                            joinedAt: string | null;
                        }[];
                        /** @description Null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    invitePartnerFirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The partner firm's slug on Accord. */
                    firmSlug: string;
                    /**
                     * @description Its role in this chain; defaults to the firm's own.
                     * @enum {unknown}
                     */
                    chainRole?: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                    /** @enum {unknown} */
                    relationshipStage?: "transactional" | "value_adding" | "collaborative";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        firm: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                        };
                        /** @enum {unknown} */
                        chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                        /** @enum {unknown} */
                        status: "invited" | "active" | "declined";
                        /** @enum {unknown} */
                        relationshipStage: "transactional" | "value_adding" | "collaborative";
                        executiveSponsor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                        } | null;
                        isFocalFirm: boolean;
                        /** Format: date-time */
                        invitedAt: string;
                        joinedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNetworkPeople: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            role: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNetworkMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                firmId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Set by the focal firm.
                     * @enum {unknown}
                     */
                    relationshipStage?: "transactional" | "value_adding" | "collaborative";
                    /**
                     * @description Set by the focal firm.
                     * @enum {unknown}
                     */
                    chainRole?: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                    /** @description Set by the member firm: one of its own users. */
                    executiveSponsorUserId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        firm: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                        };
                        /** @enum {unknown} */
                        chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                        /** @enum {unknown} */
                        status: "invited" | "active" | "declined";
                        /** @enum {unknown} */
                        relationshipStage: "transactional" | "value_adding" | "collaborative";
                        executiveSponsor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                        } | null;
                        isFocalFirm: boolean;
                        /** Format: date-time */
                        invitedAt: string;
                        joinedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptNetworkInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description Your executive sponsor; defaults to you.
                     */
                    executiveSponsorUserId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        firm: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                        };
                        /** @enum {unknown} */
                        chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                        /** @enum {unknown} */
                        status: "invited" | "active" | "declined";
                        /** @enum {unknown} */
                        relationshipStage: "transactional" | "value_adding" | "collaborative";
                        executiveSponsor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                        } | null;
                        isFocalFirm: boolean;
                        /** Format: date-time */
                        invitedAt: string;
                        joinedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declineNetworkInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description Your executive sponsor; defaults to you.
                     */
                    executiveSponsorUserId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        firm: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                        };
                        /** @enum {unknown} */
                        chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                        /** @enum {unknown} */
                        status: "invited" | "active" | "declined";
                        /** @enum {unknown} */
                        relationshipStage: "transactional" | "value_adding" | "collaborative";
                        executiveSponsor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                        } | null;
                        isFocalFirm: boolean;
                        /** Format: date-time */
                        invitedAt: string;
                        joinedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Unique on Accord (ignoring case); the slug is derived from it. */
                    firmName: string;
                    /** @enum {unknown} */
                    chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                    /** @description Your name. */
                    name: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    /** @description The token of a firm invitation (the `invitation` of the emailed link): joins its network. */
                    networkInvitation?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["UserSummary"];
                        firm: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                            /** @enum {unknown} */
                            chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                        };
                        /** @description True when a verification link was emailed: sign-in is refused until it is followed. */
                        emailVerificationRequired: boolean;
                        /** @description The network the firm joined through its invitation, if any. */
                        networkId: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendEmailVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lookUpFirmInvitation: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        networkName: string;
                        focalFirmName: string;
                        /** @enum {unknown} */
                        chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                        firmName: string | null;
                        email: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFirmInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FirmInvitation"][];
                        nextCursor: null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    inviteFirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @description Whom to invite: they sign up their firm with this address.
                     */
                    email: string;
                    /** @description Prefills the sign-up; the invitee may change it. */
                    firmName?: string;
                    /**
                     * @description The firm's role in this chain.
                     * @enum {unknown}
                     */
                    chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        email: string;
                        firmName: string | null;
                        /** @enum {unknown} */
                        chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                        status: "pending" | "accepted" | "withdrawn" | "expired";
                        invitedBy: string | null;
                        /** @description The firm that signed up through it. */
                        acceptedFirmId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendFirmInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                firmInvitationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        email: string;
                        firmName: string | null;
                        /** @enum {unknown} */
                        chainRole: "manufacturer" | "supplier" | "distributor" | "retailer" | "logistics_provider";
                        status: "pending" | "accepted" | "withdrawn" | "expired";
                        invitedBy: string | null;
                        /** @description The firm that signed up through it. */
                        acceptedFirmId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawFirmInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                firmInvitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From `nextCursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            networkId: string;
                            datasets: ("transactions" | "shipments" | "service_cases" | "activities")[];
                            /** @description The first part of the key, to tell keys apart. */
                            prefix: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            revokedAt: string | null;
                            lastUsedAt: string | null;
                        }[];
                        /** @description Null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** Format: uuid */
                    networkId: string;
                    datasets: ("transactions" | "shipments" | "service_cases" | "activities")[];
                    /** Format: date-time */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** Format: uuid */
                        networkId: string;
                        datasets: ("transactions" | "shipments" | "service_cases" | "activities")[];
                        /** @description The first part of the key, to tell keys apart. */
                        prefix: string;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        expiresAt: string | null;
                        revokedAt: string | null;
                        lastUsedAt: string | null;
                        /** @description The key itself, `acc_...`: shown this once, never again. */
                        key: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                firmId: string;
                apiKeyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pushFeed: {
        parameters: {
            query?: {
                /** @description `skip` (default): valid rows land and invalid ones are reported; `reject`: nothing lands if any row is invalid. */
                onError?: "skip" | "reject";
                /** @description Ignore columns the dataset does not have instead of failing. */
                ignoreUnknown?: boolean;
            };
            header: {
                /** @description Required. The same key with the same body answers the same batch; with another body, 422. */
                "idempotency-key": string;
                /** @description `gzip` for a compressed body. */
                "content-encoding"?: string;
            };
            path: {
                networkId: string;
                dataset: "transactions" | "shipments" | "service_cases" | "activities";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBatches: {
        parameters: {
            query?: {
                dataset?: "transactions" | "shipments" | "service_cases" | "activities";
                status?: "receiving" | "received" | "validating" | "loading" | "succeeded" | "failed";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Batch"][];
                        /** @description Null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBatchErrors: {
        parameters: {
            query?: {
                /** @description `csv` streams every error as text/csv (limit and cursor do not apply). */
                format?: "json" | "csv";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                networkId: string;
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Data row, from 1 (the header is not counted). */
                            rowNumber: number;
                            column: string;
                            /** @description The value as sent, cut to 200 characters. */
                            value: string;
                            code: string;
                            message: string;
                        }[];
                        /** @description Null on the last page. */
                        nextCursor: string | null;
                    };
                    "text/csv": {
                        items: {
                            /** @description Data row, from 1 (the header is not counted). */
                            rowNumber: number;
                            column: string;
                            /** @description The value as sent, cut to 200 characters. */
                            value: string;
                            code: string;
                            message: string;
                        }[];
                        /** @description Null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDatasets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {unknown} */
                            dataset: "transactions" | "shipments" | "service_cases" | "activities";
                            /** @description Rows your firm holds in this network. */
                            rows: number;
                            lastBatch: components["schemas"]["Batch"] | null;
                            lastSucceededAt: string | null;
                            /** @description Hours since the last successful batch. */
                            freshnessHours: number | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHashingRecipe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        algorithm: "HMAC-SHA-256";
                        /** @description The network's secret key, hex. Keep it as secret as the customers' identities. */
                        key: string;
                        /** @enum {string} */
                        keyEncoding: "hex";
                        normalisation: string;
                        output: string;
                        example: {
                            identifier: string;
                            customerKey: string;
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAgreements: {
        parameters: {
            query?: {
                status?: "requested" | "active" | "declined" | "revoked";
                dataset?: "transactions" | "shipments" | "service_cases" | "activities";
                /** @description granted: your data to others; received: others' to you. */
                side?: "granted" | "received";
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            networkId: string;
                            owner: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** @description null: every active member of the network. */
                            grantee: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** @enum {unknown} */
                            dataset: "transactions" | "shipments" | "service_cases" | "activities";
                            /**
                             * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                             * @enum {unknown}
                             */
                            level: "customer" | "aggregate";
                            /** @description k, for aggregate-level agreements. */
                            minGroupSize: number;
                            purpose: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD
                             */
                            startsOn: string;
                            endsOn: string | null;
                            /** @enum {unknown} */
                            status: "requested" | "active" | "declined" | "revoked";
                            /** @description Active, started and not ended today. */
                            inEffect: boolean;
                            /** @description Asked for by the grantee. */
                            requested: boolean;
                            decisionReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            decidedAt: string | null;
                            revokedAt: string | null;
                        }[];
                        nextCursor: null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    grantAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A member firm, or null for the whole network. */
                    granteeFirmId: string | null;
                    /** @enum {unknown} */
                    dataset: "transactions" | "shipments" | "service_cases" | "activities";
                    /**
                     * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                     * @enum {unknown}
                     */
                    level: "customer" | "aggregate";
                    /**
                     * @description k (at least 2).
                     * @default 50
                     */
                    minGroupSize?: number;
                    purpose: string;
                    /**
                     * Format: date
                     * @description Defaults to today.
                     */
                    startsOn?: string;
                    /** @description The last day; none runs until revoked. */
                    endsOn?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        owner: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** @description null: every active member of the network. */
                        grantee: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @enum {unknown} */
                        dataset: "transactions" | "shipments" | "service_cases" | "activities";
                        /**
                         * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                         * @enum {unknown}
                         */
                        level: "customer" | "aggregate";
                        /** @description k, for aggregate-level agreements. */
                        minGroupSize: number;
                        purpose: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        startsOn: string;
                        endsOn: string | null;
                        /** @enum {unknown} */
                        status: "requested" | "active" | "declined" | "revoked";
                        /** @description Active, started and not ended today. */
                        inEffect: boolean;
                        /** @description Asked for by the grantee. */
                        requested: boolean;
                        decisionReason: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDatasetCatalog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            owner: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** @enum {unknown} */
                            dataset: "transactions" | "shipments" | "service_cases" | "activities";
                            /** @description Succeeded feed batches of this dataset in this network. */
                            batches: number;
                            /** Format: date-time */
                            lastLoadedAt: string;
                            /** @description The agreements in force today (active, started, not ended) on this dataset. */
                            sharedWith: {
                                /** @description null: every active member of the network. */
                                grantee: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                                 * @enum {unknown}
                                 */
                                level: "customer" | "aggregate";
                                /** @description k, for aggregate-level agreements. */
                                minGroupSize: number;
                            }[];
                        }[];
                        nextCursor: null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                agreementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        owner: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** @description null: every active member of the network. */
                        grantee: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @enum {unknown} */
                        dataset: "transactions" | "shipments" | "service_cases" | "activities";
                        /**
                         * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                         * @enum {unknown}
                         */
                        level: "customer" | "aggregate";
                        /** @description k, for aggregate-level agreements. */
                        minGroupSize: number;
                        purpose: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        startsOn: string;
                        endsOn: string | null;
                        /** @enum {unknown} */
                        status: "requested" | "active" | "declined" | "revoked";
                        /** @description Active, started and not ended today. */
                        inEffect: boolean;
                        /** @description Asked for by the grantee. */
                        requested: boolean;
                        decisionReason: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description The member firm whose data you ask for.
                     */
                    ownerFirmId: string;
                    /** @enum {unknown} */
                    dataset: "transactions" | "shipments" | "service_cases" | "activities";
                    /**
                     * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                     * @enum {unknown}
                     */
                    level: "customer" | "aggregate";
                    /**
                     * @description k (at least 2).
                     * @default 50
                     */
                    minGroupSize?: number;
                    purpose: string;
                    /**
                     * Format: date
                     * @description Defaults to today.
                     */
                    startsOn?: string;
                    /** @description The last day; none runs until revoked. */
                    endsOn?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        owner: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** @description null: every active member of the network. */
                        grantee: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @enum {unknown} */
                        dataset: "transactions" | "shipments" | "service_cases" | "activities";
                        /**
                         * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                         * @enum {unknown}
                         */
                        level: "customer" | "aggregate";
                        /** @description k, for aggregate-level agreements. */
                        minGroupSize: number;
                        purpose: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        startsOn: string;
                        endsOn: string | null;
                        /** @enum {unknown} */
                        status: "requested" | "active" | "declined" | "revoked";
                        /** @description Active, started and not ended today. */
                        inEffect: boolean;
                        /** @description Asked for by the grantee. */
                        requested: boolean;
                        decisionReason: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                agreementId: string;
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
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        owner: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** @description null: every active member of the network. */
                        grantee: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @enum {unknown} */
                        dataset: "transactions" | "shipments" | "service_cases" | "activities";
                        /**
                         * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                         * @enum {unknown}
                         */
                        level: "customer" | "aggregate";
                        /** @description k, for aggregate-level agreements. */
                        minGroupSize: number;
                        purpose: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        startsOn: string;
                        endsOn: string | null;
                        /** @enum {unknown} */
                        status: "requested" | "active" | "declined" | "revoked";
                        /** @description Active, started and not ended today. */
                        inEffect: boolean;
                        /** @description Asked for by the grantee. */
                        requested: boolean;
                        decisionReason: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declineAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                agreementId: string;
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
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        owner: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** @description null: every active member of the network. */
                        grantee: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @enum {unknown} */
                        dataset: "transactions" | "shipments" | "service_cases" | "activities";
                        /**
                         * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                         * @enum {unknown}
                         */
                        level: "customer" | "aggregate";
                        /** @description k, for aggregate-level agreements. */
                        minGroupSize: number;
                        purpose: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        startsOn: string;
                        endsOn: string | null;
                        /** @enum {unknown} */
                        status: "requested" | "active" | "declined" | "revoked";
                        /** @description Active, started and not ended today. */
                        inEffect: boolean;
                        /** @description Asked for by the grantee. */
                        requested: boolean;
                        decisionReason: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                agreementId: string;
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
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        owner: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** @description null: every active member of the network. */
                        grantee: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @enum {unknown} */
                        dataset: "transactions" | "shipments" | "service_cases" | "activities";
                        /**
                         * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                         * @enum {unknown}
                         */
                        level: "customer" | "aggregate";
                        /** @description k, for aggregate-level agreements. */
                        minGroupSize: number;
                        purpose: string;
                        /**
                         * Format: date
                         * @description YYYY-MM-DD
                         */
                        startsOn: string;
                        endsOn: string | null;
                        /** @enum {unknown} */
                        status: "requested" | "active" | "declined" | "revoked";
                        /** @description Active, started and not ended today. */
                        inEffect: boolean;
                        /** @description Asked for by the grantee. */
                        requested: boolean;
                        decisionReason: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        decidedAt: string | null;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readAggregates: {
        parameters: {
            query?: {
                /** @description What to group by, besides the owner firm: transactions month|channel|sku|location|currency, shipments month|carrier|expedited, service_cases month|channel|category|satisfaction, activities month|activity; none (the default) for one group per firm. */
                by?: "none" | "month" | "channel" | "sku" | "location" | "currency" | "carrier" | "expedited" | "category" | "satisfaction" | "activity";
            };
            header?: never;
            path: {
                networkId: string;
                dataset: "transactions" | "shipments" | "service_cases" | "activities";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            owner: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            group: string | null;
                            /** @description True for the row pooling an owner's groups that are not shown on their own (released figures). */
                            pooled: boolean;
                            /** @description Distinct customers; in released figures distinct within each month and added over the months, so a customer active in two months counts twice. */
                            customers: number;
                            rows: number;
                            amount: string | null;
                            quantity: string | null;
                            /** @description The owner's k for you (1 for your own data and customer-level grants); the smallest k any month in the figures was released at. */
                            minGroupSize: number;
                            /** @description The last month (its first day) in released figures: another firm's data at aggregate level. Null for live figures. */
                            releasedThrough: string | null;
                        }[];
                        nextCursor: null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAccessLog: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From `nextCursor` of the previous page. */
                cursor?: string;
                /** @description csv: every entry, newest first, streamed as text/csv however many (limit and cursor do not apply). */
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                firmId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            /** Format: date-time */
                            at: string;
                            /** Format: uuid */
                            networkId: string;
                            reader: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            readerUser: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            readerApiKeyId: string | null;
                            /** @enum {unknown} */
                            dataset: "transactions" | "shipments" | "service_cases" | "activities";
                            /**
                             * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                             * @enum {unknown}
                             */
                            level: "customer" | "aggregate";
                            purpose: string;
                            reading: string;
                            rowCount: number | null;
                            groupCount: number | null;
                        }[];
                        /** @description Null on the last page. */
                        nextCursor: string | null;
                    };
                    "text/csv": {
                        items: {
                            id: number;
                            /** Format: date-time */
                            at: string;
                            /** Format: uuid */
                            networkId: string;
                            reader: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            readerUser: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            readerApiKeyId: string | null;
                            /** @enum {unknown} */
                            dataset: "transactions" | "shipments" | "service_cases" | "activities";
                            /**
                             * @description customer: pseudonymous rows and per-customer results; aggregate: only groups of at least k customers.
                             * @enum {unknown}
                             */
                            level: "customer" | "aggregate";
                            purpose: string;
                            reading: string;
                            rowCount: number | null;
                            groupCount: number | null;
                        }[];
                        /** @description Null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomer360: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                /** @description The pseudonymous key. */
                customerKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        customerKey: string;
                        firstPurchaseAt: string | null;
                        lastPurchaseAt: string | null;
                        partners: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            channels: {
                                channel: string;
                                orders: number;
                                lines: number;
                            }[];
                            spend: {
                                currency: string;
                                /** @description Exact decimal. */
                                net: string;
                                /** @description Exact decimal. */
                                refunds: string;
                                /** @description This partner's share of the customer's net spend in this currency. */
                                shareOfWallet: number;
                            }[];
                            returnedLines: number;
                            firstPurchaseAt: string | null;
                            lastPurchaseAt: string | null;
                        }[];
                        shipments: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            shipmentId: string;
                            orderId: string;
                            carrier: string;
                            /** Format: date-time */
                            promisedAt: string;
                            deliveredAt: string | null;
                            expedited: boolean;
                            /** @enum {unknown} */
                            status: "on_time" | "late" | "in_transit" | "overdue";
                        }[];
                        serviceCases: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            caseId: string;
                            /** Format: date-time */
                            openedAt: string;
                            resolvedAt: string | null;
                            channel: string;
                            category: string;
                            satisfaction: number | null;
                        }[];
                        /** @description Per firm and activity code. */
                        activities: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** @description A code of the firm's cost model. */
                            activity: string;
                            /** @description How many times. */
                            count: number;
                            /** @description The quantities summed, exact. */
                            quantity: string;
                            /** Format: date-time */
                            firstAt: string;
                            /** Format: date-time */
                            lastAt: string;
                        }[];
                        hidden: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            datasets: ("transactions" | "shipments" | "service_cases" | "activities")[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lookupCustomer360: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A raw identifier (e.g. an email): hashed with the network's key here, never stored. */
                    identifier: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        customerKey: string;
                        firstPurchaseAt: string | null;
                        lastPurchaseAt: string | null;
                        partners: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            channels: {
                                channel: string;
                                orders: number;
                                lines: number;
                            }[];
                            spend: {
                                currency: string;
                                /** @description Exact decimal. */
                                net: string;
                                /** @description Exact decimal. */
                                refunds: string;
                                /** @description This partner's share of the customer's net spend in this currency. */
                                shareOfWallet: number;
                            }[];
                            returnedLines: number;
                            firstPurchaseAt: string | null;
                            lastPurchaseAt: string | null;
                        }[];
                        shipments: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            shipmentId: string;
                            orderId: string;
                            carrier: string;
                            /** Format: date-time */
                            promisedAt: string;
                            deliveredAt: string | null;
                            expedited: boolean;
                            /** @enum {unknown} */
                            status: "on_time" | "late" | "in_transit" | "overdue";
                        }[];
                        serviceCases: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            caseId: string;
                            /** Format: date-time */
                            openedAt: string;
                            resolvedAt: string | null;
                            channel: string;
                            category: string;
                            satisfaction: number | null;
                        }[];
                        /** @description Per firm and activity code. */
                        activities: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** @description A code of the firm's cost model. */
                            activity: string;
                            /** @description How many times. */
                            count: number;
                            /** @description The quantities summed, exact. */
                            quantity: string;
                            /** Format: date-time */
                            firstAt: string;
                            /** Format: date-time */
                            lastAt: string;
                        }[];
                        hidden: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            datasets: ("transactions" | "shipments" | "service_cases" | "activities")[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInsights: {
        parameters: {
            query?: {
                tag?: string;
                /** @description Only insights about this joint segment. */
                segment?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            networkId: string;
                            author: {
                                firm: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** @description Null when the author is not someone you can see. */
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                            };
                            title: string;
                            /** @description Markdown as written. */
                            body: string;
                            /** @description The Markdown rendered to sanitised HTML (no scripts, styles or images). */
                            bodyHtml: string;
                            tags: string[];
                            dataset: ("transactions" | "shipments" | "service_cases" | "activities") | null;
                            /** @description The joint segment it is about, by name. */
                            segment: string | null;
                            /**
                             * @description network: every active member; firms: the chosen readers (and the author firm).
                             * @enum {unknown}
                             */
                            audience: "network" | "firms";
                            readers: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            comments: {
                                /** Format: uuid */
                                id: string;
                                author: {
                                    firm: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** @description Null when the author is not someone you can see. */
                                    user: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                };
                                /** @description Markdown as written. */
                                body: string;
                                /** @description The Markdown rendered to sanitised HTML (no scripts, styles or images). */
                                bodyHtml: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        nextCursor: null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shareInsight: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @description Markdown. */
                    body: string;
                    tags?: string[];
                    /** @enum {unknown} */
                    dataset?: "transactions" | "shipments" | "service_cases" | "activities";
                    /** @description A segment of the network’s joint scheme. */
                    segment?: string;
                    /** @enum {unknown} */
                    audience: "network" | "firms";
                    /** @description With audience firms: the member firms that may read it. */
                    readerFirmIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        author: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** @description Null when the author is not someone you can see. */
                            user: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                        };
                        title: string;
                        /** @description Markdown as written. */
                        body: string;
                        /** @description The Markdown rendered to sanitised HTML (no scripts, styles or images). */
                        bodyHtml: string;
                        tags: string[];
                        dataset: ("transactions" | "shipments" | "service_cases" | "activities") | null;
                        /** @description The joint segment it is about, by name. */
                        segment: string | null;
                        /**
                         * @description network: every active member; firms: the chosen readers (and the author firm).
                         * @enum {unknown}
                         */
                        audience: "network" | "firms";
                        readers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        comments: {
                            /** Format: uuid */
                            id: string;
                            author: {
                                firm: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** @description Null when the author is not someone you can see. */
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                            };
                            /** @description Markdown as written. */
                            body: string;
                            /** @description The Markdown rendered to sanitised HTML (no scripts, styles or images). */
                            bodyHtml: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInsight: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                insightId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        author: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** @description Null when the author is not someone you can see. */
                            user: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                        };
                        title: string;
                        /** @description Markdown as written. */
                        body: string;
                        /** @description The Markdown rendered to sanitised HTML (no scripts, styles or images). */
                        bodyHtml: string;
                        tags: string[];
                        dataset: ("transactions" | "shipments" | "service_cases" | "activities") | null;
                        /** @description The joint segment it is about, by name. */
                        segment: string | null;
                        /**
                         * @description network: every active member; firms: the chosen readers (and the author firm).
                         * @enum {unknown}
                         */
                        audience: "network" | "firms";
                        readers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        comments: {
                            /** Format: uuid */
                            id: string;
                            author: {
                                firm: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** @description Null when the author is not someone you can see. */
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                            };
                            /** @description Markdown as written. */
                            body: string;
                            /** @description The Markdown rendered to sanitised HTML (no scripts, styles or images). */
                            bodyHtml: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    commentOnInsight: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                insightId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        networkId: string;
                        author: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** @description Null when the author is not someone you can see. */
                            user: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                        };
                        title: string;
                        /** @description Markdown as written. */
                        body: string;
                        /** @description The Markdown rendered to sanitised HTML (no scripts, styles or images). */
                        bodyHtml: string;
                        tags: string[];
                        dataset: ("transactions" | "shipments" | "service_cases" | "activities") | null;
                        /** @description The joint segment it is about, by name. */
                        segment: string | null;
                        /**
                         * @description network: every active member; firms: the chosen readers (and the author firm).
                         * @enum {unknown}
                         */
                        audience: "network" | "firms";
                        readers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        comments: {
                            /** Format: uuid */
                            id: string;
                            author: {
                                firm: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** @description Null when the author is not someone you can see. */
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                            };
                            /** @description Markdown as written. */
                            body: string;
                            /** @description The Markdown rendered to sanitised HTML (no scripts, styles or images). */
                            bodyHtml: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCostModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rates: {
                            perOrder: number;
                            perOrderLine: number;
                            perDelivery: number;
                            /** @description Added to perDelivery for an expedited delivery. */
                            perExpeditedDelivery: number;
                            /** @description Per returned order line (quantity < 0). */
                            perReturn: number;
                            perServiceCase: number;
                            /** @description Per unit of quantity of each activity code of the activities feed. */
                            perActivity: {
                                [key: string]: number;
                            };
                        };
                        clvMargin: number | null;
                        annualDiscountRate: number;
                        netMarginPctThreshold: number | null;
                        costToServeThreshold: number | null;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putCostModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rates: {
                        perOrder: number;
                        perOrderLine: number;
                        perDelivery: number;
                        /** @description Added to perDelivery for an expedited delivery. */
                        perExpeditedDelivery: number;
                        /** @description Per returned order line (quantity < 0). */
                        perReturn: number;
                        perServiceCase: number;
                        /** @description Per unit of quantity of each activity code of the activities feed. */
                        perActivity: {
                            [key: string]: number;
                        };
                    };
                    clvMargin: number | null;
                    /** @default 0.1 */
                    annualDiscountRate?: number;
                    netMarginPctThreshold?: number | null;
                    costToServeThreshold?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rates: {
                            perOrder: number;
                            perOrderLine: number;
                            perDelivery: number;
                            /** @description Added to perDelivery for an expedited delivery. */
                            perExpeditedDelivery: number;
                            /** @description Per returned order line (quantity < 0). */
                            perReturn: number;
                            perServiceCase: number;
                            /** @description Per unit of quantity of each activity code of the activities feed. */
                            perActivity: {
                                [key: string]: number;
                            };
                        };
                        clvMargin: number | null;
                        annualDiscountRate: number;
                        netMarginPctThreshold: number | null;
                        costToServeThreshold: number | null;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recomputeCustomerValue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description The day to compute as of (default today, UTC).
                     */
                    asOf?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queued: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomerFeatures: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From `nextCursor` of the previous page. */
                cursor?: string;
                sort?: "clv_12m" | "profit" | "net_revenue" | "cost_to_serve" | "monetary" | "frequency" | "recency_days" | "p_alive" | "expected_purchases_12m" | "channels" | "customer_key";
                order?: "asc" | "desc";
                /** @description Only this joint segment. */
                segment?: string;
                /** @description Only customers no segment rule matched (or all, before there is a scheme). */
                unsegmented?: boolean;
                rfm_segment?: "champions" | "loyal" | "potential_loyalists" | "new" | "promising" | "need_attention" | "about_to_sleep" | "at_risk" | "cannot_lose" | "hibernating" | "lost";
                quadrant?: "passive" | "carriage_trade" | "bargain_basement" | "aggressive";
                /** @description csv exports every row that matches, unpaged. */
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        snapshot: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            asOf: string;
                            customers: number;
                            /** Format: date-time */
                            startedAt: string;
                            finishedAt: string | null;
                            models: {
                                bgNbd: {
                                    r: number;
                                    alpha: number;
                                    a: number;
                                    b: number;
                                    logLikelihood: number;
                                    /** @description Asymptotic standard errors from the Hessian of the log-likelihood at the optimum. */
                                    standardErrors?: {
                                        r: number | null;
                                        alpha: number | null;
                                        a: number | null;
                                        b: number | null;
                                    };
                                    /** @description The gradient of the log-likelihood reached ~0. */
                                    converged?: boolean;
                                    iterations?: number;
                                } | null;
                                gammaGamma: {
                                    p: number;
                                    q: number;
                                    gamma: number;
                                    logLikelihood: number;
                                    /** @description Asymptotic standard errors from the Hessian of the log-likelihood at the optimum. */
                                    standardErrors?: {
                                        p: number | null;
                                        q: number | null;
                                        gamma: number | null;
                                    };
                                    /** @description The gradient of the log-likelihood reached ~0. */
                                    converged?: boolean;
                                    iterations?: number;
                                } | null;
                                /** @description Every customer: the fits use no sample. */
                                fittedCustomers: number;
                                repeatCustomers: number;
                                /** @description Distinct (x, t_x, T) histories the likelihood was summed over, weighted. */
                                distinctHistories?: number;
                                comparison?: {
                                    /** @enum {unknown} */
                                    model: "bg_nbd" | "modified_bg_nbd" | "pareto_nbd";
                                    /** @description bg_nbd and modified_bg_nbd: r, alpha, a, b; pareto_nbd: r, alpha, s, beta. */
                                    params: {
                                        [key: string]: number;
                                    };
                                    standardErrors: {
                                        [key: string]: number | null;
                                    };
                                    logLikelihood: number;
                                    parameters: number;
                                    /** @description 2k - 2 ln L; lower is better. */
                                    aic: number;
                                    /** @description k ln(customers) - 2 ln L; lower is better, the ranking key. */
                                    bic: number;
                                    converged: boolean;
                                    iterations: number;
                                }[] | null;
                            } | null;
                            settings: {
                                margin: number;
                                /** @enum {unknown} */
                                marginSource: "cost_model" | "observed";
                                annualDiscountRate: number;
                                netMarginPctThreshold: number | null;
                                costToServeThreshold: number | null;
                                schemeVersion: number | null;
                            } | null;
                            /** @description How far the snapshot is behind the feed batches merged since it read its data. */
                            freshness: {
                                /** @description The newest merged feed batch the snapshot includes (of those you read per customer). */
                                throughBatch: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: date-time */
                                    mergedAt: string;
                                } | null;
                                /** @description The newest such batch merged now. */
                                latestBatch: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: date-time */
                                    mergedAt: string;
                                } | null;
                                /** @description Batches merged after the snapshot read its data. */
                                batchesBehind: number;
                                /** @description Seconds since the oldest of those merged: how long the newest data has waited; 0 when none. */
                                secondsBehind: number;
                            };
                        } | null;
                        /** @description Whether a newer recompute is running. */
                        computing: boolean;
                        lastError: string | null;
                        items: {
                            customer_key: string;
                            /** @description Days from the last purchase to the as-of day. */
                            recency_days: number;
                            /** @description Purchase days (same-day purchases are one transaction). */
                            frequency: number;
                            /** @description Mean net spend per purchase day. */
                            monetary: string;
                            rfm_r: number;
                            rfm_f: number;
                            rfm_m: number;
                            /** @enum {unknown} */
                            rfm_segment: "champions" | "loyal" | "potential_loyalists" | "new" | "promising" | "need_attention" | "about_to_sleep" | "at_risk" | "cannot_lose" | "hibernating" | "lost";
                            expected_purchases_12m: number | null;
                            p_alive: number | null;
                            clv_12m: number | null;
                            /** @description An exact decimal, e.g. "1234.500000". */
                            net_revenue: string;
                            /** @description An exact decimal, e.g. "1234.500000". */
                            cost_of_goods: string;
                            /** @description An exact decimal, e.g. "1234.500000". */
                            cost_to_serve: string;
                            /** @description Net revenue - cost of goods - cost-to-serve. */
                            profit: string;
                            quadrant: ("passive" | "carriage_trade" | "bargain_basement" | "aggressive") | null;
                            segment: string | null;
                            /** @description Sales channels the customer bought through. */
                            channels: number;
                            /** @description Each visible firm's share of the customer's net spend, by firm id. */
                            wallet_shares: {
                                [key: string]: number;
                            };
                        }[];
                        nextCursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomerValue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        snapshot: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            asOf: string;
                            customers: number;
                            /** Format: date-time */
                            startedAt: string;
                            finishedAt: string | null;
                            models: {
                                bgNbd: {
                                    r: number;
                                    alpha: number;
                                    a: number;
                                    b: number;
                                    logLikelihood: number;
                                    /** @description Asymptotic standard errors from the Hessian of the log-likelihood at the optimum. */
                                    standardErrors?: {
                                        r: number | null;
                                        alpha: number | null;
                                        a: number | null;
                                        b: number | null;
                                    };
                                    /** @description The gradient of the log-likelihood reached ~0. */
                                    converged?: boolean;
                                    iterations?: number;
                                } | null;
                                gammaGamma: {
                                    p: number;
                                    q: number;
                                    gamma: number;
                                    logLikelihood: number;
                                    /** @description Asymptotic standard errors from the Hessian of the log-likelihood at the optimum. */
                                    standardErrors?: {
                                        p: number | null;
                                        q: number | null;
                                        gamma: number | null;
                                    };
                                    /** @description The gradient of the log-likelihood reached ~0. */
                                    converged?: boolean;
                                    iterations?: number;
                                } | null;
                                /** @description Every customer: the fits use no sample. */
                                fittedCustomers: number;
                                repeatCustomers: number;
                                /** @description Distinct (x, t_x, T) histories the likelihood was summed over, weighted. */
                                distinctHistories?: number;
                                comparison?: {
                                    /** @enum {unknown} */
                                    model: "bg_nbd" | "modified_bg_nbd" | "pareto_nbd";
                                    /** @description bg_nbd and modified_bg_nbd: r, alpha, a, b; pareto_nbd: r, alpha, s, beta. */
                                    params: {
                                        [key: string]: number;
                                    };
                                    standardErrors: {
                                        [key: string]: number | null;
                                    };
                                    logLikelihood: number;
                                    parameters: number;
                                    /** @description 2k - 2 ln L; lower is better. */
                                    aic: number;
                                    /** @description k ln(customers) - 2 ln L; lower is better, the ranking key. */
                                    bic: number;
                                    converged: boolean;
                                    iterations: number;
                                }[] | null;
                            } | null;
                            settings: {
                                margin: number;
                                /** @enum {unknown} */
                                marginSource: "cost_model" | "observed";
                                annualDiscountRate: number;
                                netMarginPctThreshold: number | null;
                                costToServeThreshold: number | null;
                                schemeVersion: number | null;
                            } | null;
                            /** @description How far the snapshot is behind the feed batches merged since it read its data. */
                            freshness: {
                                /** @description The newest merged feed batch the snapshot includes (of those you read per customer). */
                                throughBatch: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: date-time */
                                    mergedAt: string;
                                } | null;
                                /** @description The newest such batch merged now. */
                                latestBatch: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: date-time */
                                    mergedAt: string;
                                } | null;
                                /** @description Batches merged after the snapshot read its data. */
                                batchesBehind: number;
                                /** @description Seconds since the oldest of those merged: how long the newest data has waited; 0 when none. */
                                secondsBehind: number;
                            };
                        } | null;
                        /** @description Whether a newer recompute is running. */
                        computing: boolean;
                        lastError: string | null;
                        segments: {
                            segment: string | null;
                            customers: number;
                            /** @description An exact decimal, e.g. "1234.500000". */
                            revenue: string;
                            /** @description An exact decimal, e.g. "1234.500000". */
                            profit: string;
                            customerShare: number | null;
                            revenueShare: number | null;
                            profitShare: number | null;
                            meanClv: number | null;
                            treatment: string | null;
                            valueProposition: string | null;
                        }[];
                        rfmSegments: {
                            /** @enum {unknown} */
                            segment: "champions" | "loyal" | "potential_loyalists" | "new" | "promising" | "need_attention" | "about_to_sleep" | "at_risk" | "cannot_lose" | "hibernating" | "lost";
                            rule: {
                                /** @description R score and FM = round((F + M) / 2), e.g. "R 5, FM 4-5". */
                                cells: string;
                                description: string;
                            };
                            customers: number;
                            /** @description An exact decimal, e.g. "1234.500000". */
                            revenue: string;
                            /** @description An exact decimal, e.g. "1234.500000". */
                            profit: string;
                            customerShare: number | null;
                            revenueShare: number | null;
                            profitShare: number | null;
                        }[];
                        /** @description The RFM heatmap: customers and mean monetary value per recency x frequency score. */
                        rfmGrid: {
                            r: number;
                            f: number;
                            customers: number;
                            meanMonetary: number;
                        }[];
                        whaleCurve: {
                            points: {
                                customerShare: number;
                                profitShare: number;
                            }[];
                            totalProfit: number;
                            customers: number;
                            top20ProfitShare: number | null;
                            lossMakers: number;
                            peak: {
                                customerShare: number;
                                profitShare: number;
                            };
                        } | null;
                        profitability: {
                            thresholds: {
                                netMarginPct: number | null;
                                costToServe: number | null;
                            };
                            quadrants: {
                                quadrant: ("passive" | "carriage_trade" | "bargain_basement" | "aggressive") | null;
                                label: string;
                                treatment: string;
                                customers: number;
                                /** @description An exact decimal, e.g. "1234.500000". */
                                revenue: string;
                                /** @description An exact decimal, e.g. "1234.500000". */
                                profit: string;
                                customerShare: number | null;
                                revenueShare: number | null;
                                profitShare: number | null;
                            }[];
                            /** @description Up to 500 customers, drawn evenly by key, for a scatter plot. */
                            sample: {
                                customer_key: string;
                                net_margin_pct: number;
                                cost_to_serve: number;
                                profit: number;
                                quadrant: ("passive" | "carriage_trade" | "bargain_basement" | "aggressive") | null;
                            }[];
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClvModel: {
        parameters: {
            query?: {
                /** @description The last day of the calibration period (default today, UTC). */
                calibrationEnd?: string;
                timeUnit?: "day" | "week";
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        calibrationStart: string | null;
                        /**
                         * Format: date
                         * @description A day, YYYY-MM-DD.
                         */
                        calibrationEnd: string;
                        /** @enum {unknown} */
                        timeUnit: "day" | "week";
                        customers: number;
                        repeatCustomers: number;
                        distinctHistories: number;
                        bgNbd: {
                            r: number;
                            alpha: number;
                            a: number;
                            b: number;
                            logLikelihood: number;
                            /** @description Asymptotic standard errors from the Hessian of the log-likelihood at the optimum. */
                            standardErrors?: {
                                r: number | null;
                                alpha: number | null;
                                a: number | null;
                                b: number | null;
                            };
                            /** @description The gradient of the log-likelihood reached ~0. */
                            converged?: boolean;
                            iterations?: number;
                        } | null;
                        gammaGamma: {
                            p: number;
                            q: number;
                            gamma: number;
                            logLikelihood: number;
                            /** @description Asymptotic standard errors from the Hessian of the log-likelihood at the optimum. */
                            standardErrors?: {
                                p: number | null;
                                q: number | null;
                                gamma: number | null;
                            };
                            /** @description The gradient of the log-likelihood reached ~0. */
                            converged?: boolean;
                            iterations?: number;
                        } | null;
                        /** @description BG/NBD, modified BG/NBD and Pareto/NBD fitted on the same histories, best (lowest BIC) first; customers are valued with BG/NBD whichever ranks first. */
                        comparison: {
                            /** @enum {unknown} */
                            model: "bg_nbd" | "modified_bg_nbd" | "pareto_nbd";
                            /** @description bg_nbd and modified_bg_nbd: r, alpha, a, b; pareto_nbd: r, alpha, s, beta. */
                            params: {
                                [key: string]: number;
                            };
                            standardErrors: {
                                [key: string]: number | null;
                            };
                            logLikelihood: number;
                            parameters: number;
                            /** @description 2k - 2 ln L; lower is better. */
                            aic: number;
                            /** @description k ln(customers) - 2 ln L; lower is better, the ranking key. */
                            bic: number;
                            converged: boolean;
                            iterations: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClvModelDiagnostics: {
        parameters: {
            query?: {
                /** @description The last day of the calibration period the model is fitted on (default halfway from the first purchase you see to holdoutEnd). Must be before holdoutEnd. */
                calibrationEnd?: string;
                /** @description The last day of the holdout period the fit is checked against (default today, UTC). */
                holdoutEnd?: string;
                /** @description The model’s time unit and the tracking’s period. */
                timeUnit?: "day" | "week";
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        calibrationStart: string | null;
                        /**
                         * Format: date
                         * @description A day, YYYY-MM-DD.
                         */
                        calibrationEnd: string;
                        /**
                         * Format: date
                         * @description A day, YYYY-MM-DD.
                         */
                        holdoutEnd: string;
                        /** @enum {unknown} */
                        timeUnit: "day" | "week";
                        /** @description In the time unit. */
                        holdoutLength: number;
                        /** @description The cohort: customers who first bought by calibrationEnd. */
                        customers: number;
                        repeatCustomers: number;
                        bgNbd: {
                            r: number;
                            alpha: number;
                            a: number;
                            b: number;
                            logLikelihood: number;
                            /** @description Asymptotic standard errors from the Hessian of the log-likelihood at the optimum. */
                            standardErrors?: {
                                r: number | null;
                                alpha: number | null;
                                a: number | null;
                                b: number | null;
                            };
                            /** @description The gradient of the log-likelihood reached ~0. */
                            converged?: boolean;
                            iterations?: number;
                        } | null;
                        calibrationVsHoldout: {
                            /** @description Calibration frequency 0, 1, ..., 6 and 7+. */
                            bins: {
                                /** @description Repeat purchases in calibration (x); with orMore, x or more. */
                                frequency: number;
                                orMore: boolean;
                                customers: number;
                                actual: number | null;
                                expected: number | null;
                            }[];
                            /** @description Repeat purchases the customers made in the holdout. */
                            actual: number;
                            /** @description The same, expected by the model. */
                            expected: number;
                        } | null;
                        tracking: {
                            periods: {
                                /**
                                 * Format: date
                                 * @description A day, YYYY-MM-DD.
                                 */
                                start: string;
                                /**
                                 * Format: date
                                 * @description Inclusive; the last period ends on holdoutEnd and may be short.
                                 */
                                end: string;
                                /** @description After the calibration end. */
                                holdout: boolean;
                                /** @description Repeat purchases the cohort made in the period. */
                                actual: number;
                                /** @description Repeat purchases the model expects of the cohort in the period. */
                                expected: number;
                                cumulativeActual: number;
                                cumulativeExpected: number;
                            }[];
                        } | null;
                        frequencyRecency: {
                            /** @description The age every cell is evaluated at: the oldest customer’s, in the time unit. */
                            T: number;
                            /** @description expectedPurchases are over the next `horizon` time units. */
                            horizon: number;
                            /** @description Evenly spaced from 0 to the largest x, at most 25. */
                            frequencies: number[];
                            /** @description Evenly spaced from 0 to T (t_x), at most 25. */
                            recencies: number[];
                            /** @description Every recency of the first frequency, then of the next. */
                            cells: {
                                frequency: number;
                                recency: number;
                                /** @description Customers whose (x, t_x) is nearest this point, whatever their age. */
                                customers: number;
                                expectedPurchases: number | null;
                                probabilityAlive: number | null;
                            }[];
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSegmentationSchemes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest version first. */
                        items: {
                            /** Format: uuid */
                            id: string;
                            version: number;
                            segments: {
                                name: string;
                                /** @description All must hold; none: everyone left. */
                                conditions: {
                                    /** @enum {unknown} */
                                    feature: "recency_days" | "frequency" | "monetary" | "rfm_r" | "rfm_f" | "rfm_m" | "rfm_segment" | "expected_purchases_12m" | "p_alive" | "clv_12m" | "clv_percentile" | "net_revenue" | "cost_of_goods" | "cost_to_serve" | "profit" | "profit_percentile" | "quadrant" | "channels";
                                    /** @enum {unknown} */
                                    op: "lt" | "lte" | "gt" | "gte" | "eq" | "neq" | "in";
                                    value: number | string | (number | string)[];
                                }[];
                                treatment: string;
                                valueProposition: string;
                            }[];
                            note: string;
                            publishedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            publishedAt: string;
                        }[];
                        features: {
                            /** @enum {unknown} */
                            name: "recency_days" | "frequency" | "monetary" | "rfm_r" | "rfm_f" | "rfm_m" | "rfm_segment" | "expected_purchases_12m" | "p_alive" | "clv_12m" | "clv_percentile" | "net_revenue" | "cost_of_goods" | "cost_to_serve" | "profit" | "profit_percentile" | "quadrant" | "channels";
                            /** @enum {unknown} */
                            kind: "number" | "text";
                            /** @description The values a text feature takes. */
                            values?: string[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishSegmentationScheme: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description In order: a customer belongs to the first segment whose conditions all hold. */
                    segments: {
                        name: string;
                        /** @description All must hold; none: everyone left. */
                        conditions: {
                            /** @enum {unknown} */
                            feature: "recency_days" | "frequency" | "monetary" | "rfm_r" | "rfm_f" | "rfm_m" | "rfm_segment" | "expected_purchases_12m" | "p_alive" | "clv_12m" | "clv_percentile" | "net_revenue" | "cost_of_goods" | "cost_to_serve" | "profit" | "profit_percentile" | "quadrant" | "channels";
                            /** @enum {unknown} */
                            op: "lt" | "lte" | "gt" | "gte" | "eq" | "neq" | "in";
                            value: number | string | (number | string)[];
                        }[];
                        treatment: string;
                        valueProposition: string;
                    }[];
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        version: number;
                        segments: {
                            name: string;
                            /** @description All must hold; none: everyone left. */
                            conditions: {
                                /** @enum {unknown} */
                                feature: "recency_days" | "frequency" | "monetary" | "rfm_r" | "rfm_f" | "rfm_m" | "rfm_segment" | "expected_purchases_12m" | "p_alive" | "clv_12m" | "clv_percentile" | "net_revenue" | "cost_of_goods" | "cost_to_serve" | "profit" | "profit_percentile" | "quadrant" | "channels";
                                /** @enum {unknown} */
                                op: "lt" | "lte" | "gt" | "gte" | "eq" | "neq" | "in";
                                value: number | string | (number | string)[];
                            }[];
                            treatment: string;
                            valueProposition: string;
                        }[];
                        note: string;
                        publishedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        publishedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSegmentLabels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Customers you labelled. */
                        labelled: number;
                        uploadedAt: string | null;
                        labels: {
                            label: string;
                            customers: number;
                            segment: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadSegmentLabels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        /** @description CSV, up to 64 MB. */
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        labels: {
                            /** @description Customers you labelled. */
                            labelled: number;
                            uploadedAt: string | null;
                            labels: {
                                label: string;
                                customers: number;
                                segment: string | null;
                            }[];
                        };
                        alignment: {
                            latest: {
                                /** Format: date-time */
                                computedAt: string;
                                /**
                                 * Format: date
                                 * @description A day, YYYY-MM-DD.
                                 */
                                asOf: string;
                                schemeVersion: number;
                                labelled: number;
                                /** @description Customers with a mapped label and a joint segment. */
                                compared: number;
                                agreementRate: number | null;
                                kappa: number | null;
                                adjustedRand: number | null;
                                matrix: {
                                    /** @description Your own labels. */
                                    rowLabels: string[];
                                    /** @description The joint segments. */
                                    columnLabels: string[];
                                    counts: number[][];
                                };
                            } | null;
                            /** @description Oldest first, the latest 100. */
                            history: {
                                /** Format: date-time */
                                computedAt: string;
                                /**
                                 * Format: date
                                 * @description A day, YYYY-MM-DD.
                                 */
                                asOf: string;
                                schemeVersion: number;
                                labelled: number;
                                /** @description Customers with a mapped label and a joint segment. */
                                compared: number;
                                agreementRate: number | null;
                                kappa: number | null;
                                adjustedRand: number | null;
                            }[];
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mapSegmentLabels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mappings: {
                        label: string;
                        segment: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        labels: {
                            /** @description Customers you labelled. */
                            labelled: number;
                            uploadedAt: string | null;
                            labels: {
                                label: string;
                                customers: number;
                                segment: string | null;
                            }[];
                        };
                        alignment: {
                            latest: {
                                /** Format: date-time */
                                computedAt: string;
                                /**
                                 * Format: date
                                 * @description A day, YYYY-MM-DD.
                                 */
                                asOf: string;
                                schemeVersion: number;
                                labelled: number;
                                /** @description Customers with a mapped label and a joint segment. */
                                compared: number;
                                agreementRate: number | null;
                                kappa: number | null;
                                adjustedRand: number | null;
                                matrix: {
                                    /** @description Your own labels. */
                                    rowLabels: string[];
                                    /** @description The joint segments. */
                                    columnLabels: string[];
                                    counts: number[][];
                                };
                            } | null;
                            /** @description Oldest first, the latest 100. */
                            history: {
                                /** Format: date-time */
                                computedAt: string;
                                /**
                                 * Format: date
                                 * @description A day, YYYY-MM-DD.
                                 */
                                asOf: string;
                                schemeVersion: number;
                                labelled: number;
                                /** @description Customers with a mapped label and a joint segment. */
                                compared: number;
                                agreementRate: number | null;
                                kappa: number | null;
                                adjustedRand: number | null;
                            }[];
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSegmentAlignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        latest: {
                            /** Format: date-time */
                            computedAt: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            asOf: string;
                            schemeVersion: number;
                            labelled: number;
                            /** @description Customers with a mapped label and a joint segment. */
                            compared: number;
                            agreementRate: number | null;
                            kappa: number | null;
                            adjustedRand: number | null;
                            matrix: {
                                /** @description Your own labels. */
                                rowLabels: string[];
                                /** @description The joint segments. */
                                columnLabels: string[];
                                counts: number[][];
                            };
                        } | null;
                        /** @description Oldest first, the latest 100. */
                        history: {
                            /** Format: date-time */
                            computedAt: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            asOf: string;
                            schemeVersion: number;
                            labelled: number;
                            /** @description Customers with a mapped label and a joint segment. */
                            compared: number;
                            agreementRate: number | null;
                            kappa: number | null;
                            adjustedRand: number | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listScorecards: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            periodKind: "month" | "quarter" | "year";
                            /** @description Goes up with each change of measures or weights; sign-offs are of a version. */
                            version: number;
                            /** @description Weight of each perspective in the overall score (1 when left out). */
                            perspectiveWeights: {
                                financial?: number;
                                customer?: number;
                                internal_process?: number;
                                learning_growth?: number;
                                relationship?: number;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default Joint scorecard */
                    name?: string;
                    periodKind?: "month" | "quarter" | "year";
                    /** @description `default`: the library measures and two manual ones, with value-chain targets. */
                    template?: "default" | "empty";
                    /** @description Weight of each perspective in the overall score (1 when left out). */
                    perspectiveWeights?: {
                        financial?: number;
                        customer?: number;
                        internal_process?: number;
                        learning_growth?: number;
                        relationship?: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        periodKind: "month" | "quarter" | "year";
                        /** @description Goes up with each change of measures or weights; sign-offs are of a version. */
                        version: number;
                        /** @description Weight of each perspective in the overall score (1 when left out). */
                        perspectiveWeights: {
                            financial?: number;
                            customer?: number;
                            internal_process?: number;
                            learning_growth?: number;
                            relationship?: number;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        measures: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description Balanced-scorecard perspective; relationship is the fifth, joint one.
                             * @enum {unknown}
                             */
                            perspective: "financial" | "customer" | "internal_process" | "learning_growth" | "relationship";
                            code: ("revenue" | "revenue_growth" | "gross_margin_pct" | "customer_profit" | "top20_profit_share" | "retention_rate" | "share_of_wallet" | "joint_clv" | "on_time_delivery_rate" | "avg_delivery_delay_days" | "returns_rate" | "cases_resolved_7d_rate" | "mean_satisfaction" | "feed_freshness_hours" | "feed_completeness" | "insights_shared" | "strategy_signoffs" | "relationship_trust" | "relationship_commitment" | "relationship_satisfaction" | "relationship_information_sharing") | null;
                            name: string;
                            definition: string;
                            unit: string;
                            /** @description Whether higher or lower actual values are better. */
                            direction: "higher" | "lower";
                            target: number;
                            /** @description Green at or beyond this (in the good direction). */
                            green: number;
                            /** @description Red at or beyond this (in the bad direction). */
                            red: number;
                            /** @description Weight within its perspective; 0 = shown, not scored. */
                            weight: number;
                            /** Format: uuid */
                            ownerFirmId: string;
                            source: "library" | "manual";
                            position: number;
                            retired: boolean;
                        }[];
                        /** @description Newest first. */
                        periods: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            startsOn: string;
                            /**
                             * Format: date
                             * @description The day after the last day of the period.
                             */
                            endsBefore: string;
                            status: "open" | "closed";
                            closedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        periodKind: "month" | "quarter" | "year";
                        /** @description Goes up with each change of measures or weights; sign-offs are of a version. */
                        version: number;
                        /** @description Weight of each perspective in the overall score (1 when left out). */
                        perspectiveWeights: {
                            financial?: number;
                            customer?: number;
                            internal_process?: number;
                            learning_growth?: number;
                            relationship?: number;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        measures: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description Balanced-scorecard perspective; relationship is the fifth, joint one.
                             * @enum {unknown}
                             */
                            perspective: "financial" | "customer" | "internal_process" | "learning_growth" | "relationship";
                            code: ("revenue" | "revenue_growth" | "gross_margin_pct" | "customer_profit" | "top20_profit_share" | "retention_rate" | "share_of_wallet" | "joint_clv" | "on_time_delivery_rate" | "avg_delivery_delay_days" | "returns_rate" | "cases_resolved_7d_rate" | "mean_satisfaction" | "feed_freshness_hours" | "feed_completeness" | "insights_shared" | "strategy_signoffs" | "relationship_trust" | "relationship_commitment" | "relationship_satisfaction" | "relationship_information_sharing") | null;
                            name: string;
                            definition: string;
                            unit: string;
                            /** @description Whether higher or lower actual values are better. */
                            direction: "higher" | "lower";
                            target: number;
                            /** @description Green at or beyond this (in the good direction). */
                            green: number;
                            /** @description Red at or beyond this (in the bad direction). */
                            red: number;
                            /** @description Weight within its perspective; 0 = shown, not scored. */
                            weight: number;
                            /** Format: uuid */
                            ownerFirmId: string;
                            source: "library" | "manual";
                            position: number;
                            retired: boolean;
                        }[];
                        /** @description Newest first. */
                        periods: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            startsOn: string;
                            /**
                             * Format: date
                             * @description The day after the last day of the period.
                             */
                            endsBefore: string;
                            status: "open" | "closed";
                            closedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Weight of each perspective in the overall score (1 when left out). */
                    perspectiveWeights?: {
                        financial?: number;
                        customer?: number;
                        internal_process?: number;
                        learning_growth?: number;
                        relationship?: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        periodKind: "month" | "quarter" | "year";
                        /** @description Goes up with each change of measures or weights; sign-offs are of a version. */
                        version: number;
                        /** @description Weight of each perspective in the overall score (1 when left out). */
                        perspectiveWeights: {
                            financial?: number;
                            customer?: number;
                            internal_process?: number;
                            learning_growth?: number;
                            relationship?: number;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        measures: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description Balanced-scorecard perspective; relationship is the fifth, joint one.
                             * @enum {unknown}
                             */
                            perspective: "financial" | "customer" | "internal_process" | "learning_growth" | "relationship";
                            code: ("revenue" | "revenue_growth" | "gross_margin_pct" | "customer_profit" | "top20_profit_share" | "retention_rate" | "share_of_wallet" | "joint_clv" | "on_time_delivery_rate" | "avg_delivery_delay_days" | "returns_rate" | "cases_resolved_7d_rate" | "mean_satisfaction" | "feed_freshness_hours" | "feed_completeness" | "insights_shared" | "strategy_signoffs" | "relationship_trust" | "relationship_commitment" | "relationship_satisfaction" | "relationship_information_sharing") | null;
                            name: string;
                            definition: string;
                            unit: string;
                            /** @description Whether higher or lower actual values are better. */
                            direction: "higher" | "lower";
                            target: number;
                            /** @description Green at or beyond this (in the good direction). */
                            green: number;
                            /** @description Red at or beyond this (in the bad direction). */
                            red: number;
                            /** @description Weight within its perspective; 0 = shown, not scored. */
                            weight: number;
                            /** Format: uuid */
                            ownerFirmId: string;
                            source: "library" | "manual";
                            position: number;
                            retired: boolean;
                        }[];
                        /** @description Newest first. */
                        periods: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            startsOn: string;
                            /**
                             * Format: date
                             * @description The day after the last day of the period.
                             */
                            endsBefore: string;
                            status: "open" | "closed";
                            closedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addScorecardMeasure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Balanced-scorecard perspective; relationship is the fifth, joint one.
                     * @enum {unknown}
                     */
                    perspective: "financial" | "customer" | "internal_process" | "learning_growth" | "relationship";
                    code?: ("revenue" | "revenue_growth" | "gross_margin_pct" | "customer_profit" | "top20_profit_share" | "retention_rate" | "share_of_wallet" | "joint_clv" | "on_time_delivery_rate" | "avg_delivery_delay_days" | "returns_rate" | "cases_resolved_7d_rate" | "mean_satisfaction" | "feed_freshness_hours" | "feed_completeness" | "insights_shared" | "strategy_signoffs" | "relationship_trust" | "relationship_commitment" | "relationship_satisfaction" | "relationship_information_sharing") | null;
                    name: string;
                    definition?: string;
                    unit: string;
                    /** @description Whether higher or lower actual values are better. */
                    direction: "higher" | "lower";
                    target: number;
                    /** @description Green at or beyond this (in the good direction). */
                    green: number;
                    /** @description Red at or beyond this (in the bad direction). */
                    red: number;
                    /** @description Weight within its perspective; 0 = shown, not scored. */
                    weight: number;
                    /** Format: uuid */
                    ownerFirmId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /**
                         * @description Balanced-scorecard perspective; relationship is the fifth, joint one.
                         * @enum {unknown}
                         */
                        perspective: "financial" | "customer" | "internal_process" | "learning_growth" | "relationship";
                        code: ("revenue" | "revenue_growth" | "gross_margin_pct" | "customer_profit" | "top20_profit_share" | "retention_rate" | "share_of_wallet" | "joint_clv" | "on_time_delivery_rate" | "avg_delivery_delay_days" | "returns_rate" | "cases_resolved_7d_rate" | "mean_satisfaction" | "feed_freshness_hours" | "feed_completeness" | "insights_shared" | "strategy_signoffs" | "relationship_trust" | "relationship_commitment" | "relationship_satisfaction" | "relationship_information_sharing") | null;
                        name: string;
                        definition: string;
                        unit: string;
                        /** @description Whether higher or lower actual values are better. */
                        direction: "higher" | "lower";
                        target: number;
                        /** @description Green at or beyond this (in the good direction). */
                        green: number;
                        /** @description Red at or beyond this (in the bad direction). */
                        red: number;
                        /** @description Weight within its perspective; 0 = shown, not scored. */
                        weight: number;
                        /** Format: uuid */
                        ownerFirmId: string;
                        source: "library" | "manual";
                        position: number;
                        retired: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateScorecardMeasure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
                measureId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Balanced-scorecard perspective; relationship is the fifth, joint one.
                     * @enum {unknown}
                     */
                    perspective: "financial" | "customer" | "internal_process" | "learning_growth" | "relationship";
                    code?: ("revenue" | "revenue_growth" | "gross_margin_pct" | "customer_profit" | "top20_profit_share" | "retention_rate" | "share_of_wallet" | "joint_clv" | "on_time_delivery_rate" | "avg_delivery_delay_days" | "returns_rate" | "cases_resolved_7d_rate" | "mean_satisfaction" | "feed_freshness_hours" | "feed_completeness" | "insights_shared" | "strategy_signoffs" | "relationship_trust" | "relationship_commitment" | "relationship_satisfaction" | "relationship_information_sharing") | null;
                    name: string;
                    definition?: string;
                    unit: string;
                    /** @description Whether higher or lower actual values are better. */
                    direction: "higher" | "lower";
                    target: number;
                    /** @description Green at or beyond this (in the good direction). */
                    green: number;
                    /** @description Red at or beyond this (in the bad direction). */
                    red: number;
                    /** @description Weight within its perspective; 0 = shown, not scored. */
                    weight: number;
                    /** Format: uuid */
                    ownerFirmId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /**
                         * @description Balanced-scorecard perspective; relationship is the fifth, joint one.
                         * @enum {unknown}
                         */
                        perspective: "financial" | "customer" | "internal_process" | "learning_growth" | "relationship";
                        code: ("revenue" | "revenue_growth" | "gross_margin_pct" | "customer_profit" | "top20_profit_share" | "retention_rate" | "share_of_wallet" | "joint_clv" | "on_time_delivery_rate" | "avg_delivery_delay_days" | "returns_rate" | "cases_resolved_7d_rate" | "mean_satisfaction" | "feed_freshness_hours" | "feed_completeness" | "insights_shared" | "strategy_signoffs" | "relationship_trust" | "relationship_commitment" | "relationship_satisfaction" | "relationship_information_sharing") | null;
                        name: string;
                        definition: string;
                        unit: string;
                        /** @description Whether higher or lower actual values are better. */
                        direction: "higher" | "lower";
                        target: number;
                        /** @description Green at or beyond this (in the good direction). */
                        green: number;
                        /** @description Red at or beyond this (in the bad direction). */
                        red: number;
                        /** @description Weight within its perspective; 0 = shown, not scored. */
                        weight: number;
                        /** Format: uuid */
                        ownerFirmId: string;
                        source: "library" | "manual";
                        position: number;
                        retired: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retireScorecardMeasure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
                measureId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recomputeScorecard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queued: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScorecardPeriod: {
        parameters: {
            query?: {
                /** @description `chain` (default) or a member firm id. */
                subject?: string;
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
                /** @description A period id, or `current`. */
                period: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        scorecard: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            periodKind: "month" | "quarter" | "year";
                            /** @description Goes up with each change of measures or weights; sign-offs are of a version. */
                            version: number;
                            /** @description Weight of each perspective in the overall score (1 when left out). */
                            perspectiveWeights: {
                                financial?: number;
                                customer?: number;
                                internal_process?: number;
                                learning_growth?: number;
                                relationship?: number;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        period: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            startsOn: string;
                            /**
                             * Format: date
                             * @description The day after the last day of the period.
                             */
                            endsBefore: string;
                            status: "open" | "closed";
                            closedAt: string | null;
                        };
                        subject: {
                            firmId: string | null;
                            /** @description The chain, or the partner firm. */
                            name: string;
                        };
                        score: number | null;
                        status: "green" | "amber" | "red" | "missing";
                        perspectives: {
                            /**
                             * @description Balanced-scorecard perspective; relationship is the fifth, joint one.
                             * @enum {unknown}
                             */
                            perspective: "financial" | "customer" | "internal_process" | "learning_growth" | "relationship";
                            score: number | null;
                            status: "green" | "amber" | "red" | "missing";
                            measures: number;
                            /** @description Measures with a score (missing ones are left out, never counted as 0). */
                            scored: number;
                            /** @description Summed weight of the scored measures. */
                            weight: number;
                        }[];
                        measures: {
                            measure: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description Balanced-scorecard perspective; relationship is the fifth, joint one.
                                 * @enum {unknown}
                                 */
                                perspective: "financial" | "customer" | "internal_process" | "learning_growth" | "relationship";
                                code: ("revenue" | "revenue_growth" | "gross_margin_pct" | "customer_profit" | "top20_profit_share" | "retention_rate" | "share_of_wallet" | "joint_clv" | "on_time_delivery_rate" | "avg_delivery_delay_days" | "returns_rate" | "cases_resolved_7d_rate" | "mean_satisfaction" | "feed_freshness_hours" | "feed_completeness" | "insights_shared" | "strategy_signoffs" | "relationship_trust" | "relationship_commitment" | "relationship_satisfaction" | "relationship_information_sharing") | null;
                                name: string;
                                definition: string;
                                unit: string;
                                /** @description Whether higher or lower actual values are better. */
                                direction: "higher" | "lower";
                                target: number;
                                /** @description Green at or beyond this (in the good direction). */
                                green: number;
                                /** @description Red at or beyond this (in the bad direction). */
                                red: number;
                                /** @description Weight within its perspective; 0 = shown, not scored. */
                                weight: number;
                                /** Format: uuid */
                                ownerFirmId: string;
                                source: "library" | "manual";
                                position: number;
                                retired: boolean;
                            };
                            actual: number | null;
                            previous: number | null;
                            score: number | null;
                            status: "green" | "amber" | "red" | "missing";
                            trend: {
                                delta: number | null;
                                direction: ("better" | "worse" | "same") | null;
                            };
                            target: number;
                            green: number;
                            red: number;
                            weight: number;
                            /** @description Earlier periods, oldest first (the sparkline). */
                            history: {
                                /** Format: uuid */
                                periodId: string;
                                /**
                                 * Format: date
                                 * @description A day, YYYY-MM-DD.
                                 */
                                startsOn: string;
                                actual: number | null;
                                score: number | null;
                            }[];
                            comments: number;
                            openActions: number;
                            /** @description Red without both a comment and an action in this period. */
                            needsAction: boolean;
                        }[];
                        signoffs: {
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            signedAt: string | null;
                            version: number | null;
                            /** @description Signed off the scorecard version in force. */
                            current: boolean;
                        }[];
                        computedAt: string | null;
                        members: {
                            /** Format: uuid */
                            firmId: string;
                            name: string;
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getScorecardMeasure: {
        parameters: {
            query?: {
                subject?: string;
            };
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
                periodId: string;
                measureId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        measure: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description Balanced-scorecard perspective; relationship is the fifth, joint one.
                             * @enum {unknown}
                             */
                            perspective: "financial" | "customer" | "internal_process" | "learning_growth" | "relationship";
                            code: ("revenue" | "revenue_growth" | "gross_margin_pct" | "customer_profit" | "top20_profit_share" | "retention_rate" | "share_of_wallet" | "joint_clv" | "on_time_delivery_rate" | "avg_delivery_delay_days" | "returns_rate" | "cases_resolved_7d_rate" | "mean_satisfaction" | "feed_freshness_hours" | "feed_completeness" | "insights_shared" | "strategy_signoffs" | "relationship_trust" | "relationship_commitment" | "relationship_satisfaction" | "relationship_information_sharing") | null;
                            name: string;
                            definition: string;
                            unit: string;
                            /** @description Whether higher or lower actual values are better. */
                            direction: "higher" | "lower";
                            target: number;
                            /** @description Green at or beyond this (in the good direction). */
                            green: number;
                            /** @description Red at or beyond this (in the bad direction). */
                            red: number;
                            /** @description Weight within its perspective; 0 = shown, not scored. */
                            weight: number;
                            /** Format: uuid */
                            ownerFirmId: string;
                            source: "library" | "manual";
                            position: number;
                            retired: boolean;
                        };
                        period: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            startsOn: string;
                            /**
                             * Format: date
                             * @description The day after the last day of the period.
                             */
                            endsBefore: string;
                            status: "open" | "closed";
                            closedAt: string | null;
                        };
                        /** @description The chain, then the partners ranked best first (missing last). */
                        comparison: {
                            firmId: string | null;
                            name: string;
                            actual: number | null;
                            score: number | null;
                            status: "green" | "amber" | "red" | "missing";
                            rank: number | null;
                        }[];
                        trace: {
                            subject: string | null;
                            firms: {
                                /** Format: uuid */
                                firmId: string;
                                firmName: string;
                                level: "own" | "customer" | "aggregate" | "catalog";
                                datasets: {
                                    [key: string]: {
                                        batches: string[];
                                        rows: number;
                                        customers: number;
                                    };
                                };
                            }[];
                            inputs: {
                                [key: string]: number | null;
                            };
                            snapshotId: string | null;
                            manual: {
                                value: number;
                                comment: string;
                                /** Format: date-time */
                                enteredAt: string;
                            } | null;
                        };
                        comments: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            /** Format: uuid */
                            userId: string;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        actions: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            scorecardId: string;
                            /** Format: uuid */
                            periodId: string;
                            /** Format: uuid */
                            measureId: string;
                            measureName: string;
                            title: string;
                            /** Format: uuid */
                            ownerFirmId: string;
                            ownerFirmName: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            dueOn: string;
                            status: "open" | "in_progress" | "done";
                            /** Format: uuid */
                            createdByFirmId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putScorecardManualValue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
                periodId: string;
                measureId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: number;
                    /** @description Where the value comes from. */
                    comment: string;
                    subjectFirmId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        queued: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addScorecardComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
                periodId: string;
                measureId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        firmId: string;
                        firmName: string;
                        /** Format: uuid */
                        userId: string;
                        body: string;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addScorecardAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
                periodId: string;
                measureId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** Format: uuid */
                    ownerFirmId: string;
                    /**
                     * Format: date
                     * @description A day, YYYY-MM-DD.
                     */
                    dueOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        scorecardId: string;
                        /** Format: uuid */
                        periodId: string;
                        /** Format: uuid */
                        measureId: string;
                        measureName: string;
                        title: string;
                        /** Format: uuid */
                        ownerFirmId: string;
                        ownerFirmName: string;
                        /**
                         * Format: date
                         * @description A day, YYYY-MM-DD.
                         */
                        dueOn: string;
                        status: "open" | "in_progress" | "done";
                        /** Format: uuid */
                        createdByFirmId: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listScorecardActions: {
        parameters: {
            query?: {
                status?: "open" | "all";
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            scorecardId: string;
                            /** Format: uuid */
                            periodId: string;
                            /** Format: uuid */
                            measureId: string;
                            measureName: string;
                            title: string;
                            /** Format: uuid */
                            ownerFirmId: string;
                            ownerFirmName: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            dueOn: string;
                            status: "open" | "in_progress" | "done";
                            /** Format: uuid */
                            createdByFirmId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateScorecardAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                actionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    /**
                     * Format: date
                     * @description A day, YYYY-MM-DD.
                     */
                    dueOn?: string;
                    status?: "open" | "in_progress" | "done";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        scorecardId: string;
                        /** Format: uuid */
                        periodId: string;
                        /** Format: uuid */
                        measureId: string;
                        measureName: string;
                        title: string;
                        /** Format: uuid */
                        ownerFirmId: string;
                        ownerFirmName: string;
                        /**
                         * Format: date
                         * @description A day, YYYY-MM-DD.
                         */
                        dueOn: string;
                        status: "open" | "in_progress" | "done";
                        /** Format: uuid */
                        createdByFirmId: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOffScorecardPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
                periodId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: number;
                        /** Format: date-time */
                        signedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeScorecardPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                scorecardId: string;
                periodId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "closed";
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStrategy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        networkId: string;
                        team: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            role: string;
                            /** @description False for the focal firm's own managers, who are on the team by role. */
                            invited: boolean;
                        }[];
                        /** @description Newest first; drafts and versions in review only to the team. */
                        versions: {
                            /** Format: uuid */
                            id: string;
                            version: number;
                            status: "draft" | "in_review" | "published";
                            title: string;
                            basedOnVersion: number | null;
                            createdBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            submittedAt: string | null;
                            publishedAt: string | null;
                            publishedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** @description Partner firms whose latest decision on this version is a sign-off. */
                            signed: number;
                            /** @description Partner firms whose latest decision on it requests changes. */
                            changesRequested: number;
                        }[];
                        latestPublishedId: string | null;
                        openVersionId: string | null;
                        /** @description Each partner firm, its executive sponsor and the sponsor's decision on the latest published version. */
                        partners: {
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            chainRole: string;
                            sponsor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            decision: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                versionId: string;
                                version: number;
                                /** Format: uuid */
                                firmId: string;
                                firmName: string;
                                by: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                decision: "signed" | "changes_requested";
                                reason: string;
                                /** Format: date-time */
                                decidedAt: string;
                            } | null;
                        }[];
                        you: {
                            onTeam: boolean;
                            focal: boolean;
                            /** @description You are your firm's executive sponsor and your firm is a partner: you decide. */
                            sponsor: boolean;
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startStrategyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        version: number;
                        status: "draft" | "in_review" | "published";
                        title: string;
                        basedOnVersion: number | null;
                        createdBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        submittedAt: string | null;
                        publishedAt: string | null;
                        publishedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @description Partner firms whose latest decision on this version is a sign-off. */
                        signed: number;
                        /** @description Partner firms whose latest decision on it requests changes. */
                        changesRequested: number;
                        /** @description The strategy, section by section. */
                        content: {
                            vision: string;
                            objectives: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                title: string;
                                description: string;
                                measures: {
                                    /**
                                     * Format: uuid
                                     * @description A measure of one of the network's scorecards.
                                     */
                                    measureId: string;
                                    target: number;
                                    /**
                                     * Format: date
                                     * @description A day, YYYY-MM-DD.
                                     */
                                    dueDate: string;
                                }[];
                            }[];
                            targetSegments: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** @description A segment of the network's joint segmentation scheme (its latest version). */
                                segment: string;
                                /**
                                 * @description Best, average or worst customers: each gets different value.
                                 * @enum {unknown}
                                 */
                                tier: "best" | "average" | "worst";
                                valueProposition: string;
                            }[];
                            partnerRoles: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An active member firm of the network.
                                 */
                                firmId: string;
                                role: string;
                                commitments: {
                                    /** @enum {unknown} */
                                    kind: "data_feed" | "channel" | "service_level" | "investment" | "cost_sharing";
                                    description: string;
                                }[];
                            }[];
                            customerExperience: {
                                channelMix: string;
                                consistencyRules: string;
                                deliveryOptions: string;
                                /** @description Returns across partners. */
                                returns: string;
                                priceMatching: string;
                            };
                            capabilities: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                name: string;
                                description: string;
                                firmId: string | null;
                            }[];
                            technology: string;
                            successMeasures: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** Format: uuid */
                                measureId: string;
                                note: string;
                            }[];
                            /** @enum {unknown} */
                            reviewCadence: "monthly" | "quarterly" | "semiannual" | "annual";
                        };
                        comments: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description A section of the strategy.
                             * @enum {unknown}
                             */
                            section: "vision" | "objectives" | "targetSegments" | "partnerRoles" | "customerExperience" | "capabilities" | "successMeasures";
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            author: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every decision on this version, oldest first. */
                        signoffs: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            versionId: string;
                            version: number;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            by: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            decision: "signed" | "changes_requested";
                            reason: string;
                            /** Format: date-time */
                            decidedAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStrategyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        version: number;
                        status: "draft" | "in_review" | "published";
                        title: string;
                        basedOnVersion: number | null;
                        createdBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        submittedAt: string | null;
                        publishedAt: string | null;
                        publishedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @description Partner firms whose latest decision on this version is a sign-off. */
                        signed: number;
                        /** @description Partner firms whose latest decision on it requests changes. */
                        changesRequested: number;
                        /** @description The strategy, section by section. */
                        content: {
                            vision: string;
                            objectives: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                title: string;
                                description: string;
                                measures: {
                                    /**
                                     * Format: uuid
                                     * @description A measure of one of the network's scorecards.
                                     */
                                    measureId: string;
                                    target: number;
                                    /**
                                     * Format: date
                                     * @description A day, YYYY-MM-DD.
                                     */
                                    dueDate: string;
                                }[];
                            }[];
                            targetSegments: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** @description A segment of the network's joint segmentation scheme (its latest version). */
                                segment: string;
                                /**
                                 * @description Best, average or worst customers: each gets different value.
                                 * @enum {unknown}
                                 */
                                tier: "best" | "average" | "worst";
                                valueProposition: string;
                            }[];
                            partnerRoles: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An active member firm of the network.
                                 */
                                firmId: string;
                                role: string;
                                commitments: {
                                    /** @enum {unknown} */
                                    kind: "data_feed" | "channel" | "service_level" | "investment" | "cost_sharing";
                                    description: string;
                                }[];
                            }[];
                            customerExperience: {
                                channelMix: string;
                                consistencyRules: string;
                                deliveryOptions: string;
                                /** @description Returns across partners. */
                                returns: string;
                                priceMatching: string;
                            };
                            capabilities: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                name: string;
                                description: string;
                                firmId: string | null;
                            }[];
                            technology: string;
                            successMeasures: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** Format: uuid */
                                measureId: string;
                                note: string;
                            }[];
                            /** @enum {unknown} */
                            reviewCadence: "monthly" | "quarterly" | "semiannual" | "annual";
                        };
                        comments: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description A section of the strategy.
                             * @enum {unknown}
                             */
                            section: "vision" | "objectives" | "targetSegments" | "partnerRoles" | "customerExperience" | "capabilities" | "successMeasures";
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            author: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every decision on this version, oldest first. */
                        signoffs: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            versionId: string;
                            version: number;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            by: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            decision: "signed" | "changes_requested";
                            reason: string;
                            /** Format: date-time */
                            decidedAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateStrategyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                versionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @description The strategy, section by section. */
                    content: {
                        vision: string;
                        objectives: {
                            /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                            id: string;
                            title: string;
                            description: string;
                            measures: {
                                /**
                                 * Format: uuid
                                 * @description A measure of one of the network's scorecards.
                                 */
                                measureId: string;
                                target: number;
                                /**
                                 * Format: date
                                 * @description A day, YYYY-MM-DD.
                                 */
                                dueDate: string;
                            }[];
                        }[];
                        targetSegments: {
                            /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                            id: string;
                            /** @description A segment of the network's joint segmentation scheme (its latest version). */
                            segment: string;
                            /**
                             * @description Best, average or worst customers: each gets different value.
                             * @enum {unknown}
                             */
                            tier: "best" | "average" | "worst";
                            valueProposition: string;
                        }[];
                        partnerRoles: {
                            /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                            id: string;
                            /**
                             * Format: uuid
                             * @description An active member firm of the network.
                             */
                            firmId: string;
                            role: string;
                            commitments: {
                                /** @enum {unknown} */
                                kind: "data_feed" | "channel" | "service_level" | "investment" | "cost_sharing";
                                description: string;
                            }[];
                        }[];
                        customerExperience: {
                            channelMix: string;
                            consistencyRules: string;
                            deliveryOptions: string;
                            /** @description Returns across partners. */
                            returns: string;
                            priceMatching: string;
                        };
                        capabilities: {
                            /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                            id: string;
                            name: string;
                            description: string;
                            firmId: string | null;
                        }[];
                        technology: string;
                        successMeasures: {
                            /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                            id: string;
                            /** Format: uuid */
                            measureId: string;
                            note: string;
                        }[];
                        /** @enum {unknown} */
                        reviewCadence: "monthly" | "quarterly" | "semiannual" | "annual";
                    };
                    /**
                     * Format: date-time
                     * @description The updatedAt you edited from; a later change by someone else answers 409 edit_conflict.
                     */
                    baseUpdatedAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        version: number;
                        status: "draft" | "in_review" | "published";
                        title: string;
                        basedOnVersion: number | null;
                        createdBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        submittedAt: string | null;
                        publishedAt: string | null;
                        publishedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @description Partner firms whose latest decision on this version is a sign-off. */
                        signed: number;
                        /** @description Partner firms whose latest decision on it requests changes. */
                        changesRequested: number;
                        /** @description The strategy, section by section. */
                        content: {
                            vision: string;
                            objectives: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                title: string;
                                description: string;
                                measures: {
                                    /**
                                     * Format: uuid
                                     * @description A measure of one of the network's scorecards.
                                     */
                                    measureId: string;
                                    target: number;
                                    /**
                                     * Format: date
                                     * @description A day, YYYY-MM-DD.
                                     */
                                    dueDate: string;
                                }[];
                            }[];
                            targetSegments: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** @description A segment of the network's joint segmentation scheme (its latest version). */
                                segment: string;
                                /**
                                 * @description Best, average or worst customers: each gets different value.
                                 * @enum {unknown}
                                 */
                                tier: "best" | "average" | "worst";
                                valueProposition: string;
                            }[];
                            partnerRoles: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An active member firm of the network.
                                 */
                                firmId: string;
                                role: string;
                                commitments: {
                                    /** @enum {unknown} */
                                    kind: "data_feed" | "channel" | "service_level" | "investment" | "cost_sharing";
                                    description: string;
                                }[];
                            }[];
                            customerExperience: {
                                channelMix: string;
                                consistencyRules: string;
                                deliveryOptions: string;
                                /** @description Returns across partners. */
                                returns: string;
                                priceMatching: string;
                            };
                            capabilities: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                name: string;
                                description: string;
                                firmId: string | null;
                            }[];
                            technology: string;
                            successMeasures: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** Format: uuid */
                                measureId: string;
                                note: string;
                            }[];
                            /** @enum {unknown} */
                            reviewCadence: "monthly" | "quarterly" | "semiannual" | "annual";
                        };
                        comments: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description A section of the strategy.
                             * @enum {unknown}
                             */
                            section: "vision" | "objectives" | "targetSegments" | "partnerRoles" | "customerExperience" | "capabilities" | "successMeasures";
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            author: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every decision on this version, oldest first. */
                        signoffs: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            versionId: string;
                            version: number;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            by: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            decision: "signed" | "changes_requested";
                            reason: string;
                            /** Format: date-time */
                            decidedAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    discardStrategyDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitStrategyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        version: number;
                        status: "draft" | "in_review" | "published";
                        title: string;
                        basedOnVersion: number | null;
                        createdBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        submittedAt: string | null;
                        publishedAt: string | null;
                        publishedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @description Partner firms whose latest decision on this version is a sign-off. */
                        signed: number;
                        /** @description Partner firms whose latest decision on it requests changes. */
                        changesRequested: number;
                        /** @description The strategy, section by section. */
                        content: {
                            vision: string;
                            objectives: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                title: string;
                                description: string;
                                measures: {
                                    /**
                                     * Format: uuid
                                     * @description A measure of one of the network's scorecards.
                                     */
                                    measureId: string;
                                    target: number;
                                    /**
                                     * Format: date
                                     * @description A day, YYYY-MM-DD.
                                     */
                                    dueDate: string;
                                }[];
                            }[];
                            targetSegments: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** @description A segment of the network's joint segmentation scheme (its latest version). */
                                segment: string;
                                /**
                                 * @description Best, average or worst customers: each gets different value.
                                 * @enum {unknown}
                                 */
                                tier: "best" | "average" | "worst";
                                valueProposition: string;
                            }[];
                            partnerRoles: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An active member firm of the network.
                                 */
                                firmId: string;
                                role: string;
                                commitments: {
                                    /** @enum {unknown} */
                                    kind: "data_feed" | "channel" | "service_level" | "investment" | "cost_sharing";
                                    description: string;
                                }[];
                            }[];
                            customerExperience: {
                                channelMix: string;
                                consistencyRules: string;
                                deliveryOptions: string;
                                /** @description Returns across partners. */
                                returns: string;
                                priceMatching: string;
                            };
                            capabilities: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                name: string;
                                description: string;
                                firmId: string | null;
                            }[];
                            technology: string;
                            successMeasures: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** Format: uuid */
                                measureId: string;
                                note: string;
                            }[];
                            /** @enum {unknown} */
                            reviewCadence: "monthly" | "quarterly" | "semiannual" | "annual";
                        };
                        comments: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description A section of the strategy.
                             * @enum {unknown}
                             */
                            section: "vision" | "objectives" | "targetSegments" | "partnerRoles" | "customerExperience" | "capabilities" | "successMeasures";
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            author: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every decision on this version, oldest first. */
                        signoffs: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            versionId: string;
                            version: number;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            by: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            decision: "signed" | "changes_requested";
                            reason: string;
                            /** Format: date-time */
                            decidedAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    returnStrategyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        version: number;
                        status: "draft" | "in_review" | "published";
                        title: string;
                        basedOnVersion: number | null;
                        createdBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        submittedAt: string | null;
                        publishedAt: string | null;
                        publishedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @description Partner firms whose latest decision on this version is a sign-off. */
                        signed: number;
                        /** @description Partner firms whose latest decision on it requests changes. */
                        changesRequested: number;
                        /** @description The strategy, section by section. */
                        content: {
                            vision: string;
                            objectives: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                title: string;
                                description: string;
                                measures: {
                                    /**
                                     * Format: uuid
                                     * @description A measure of one of the network's scorecards.
                                     */
                                    measureId: string;
                                    target: number;
                                    /**
                                     * Format: date
                                     * @description A day, YYYY-MM-DD.
                                     */
                                    dueDate: string;
                                }[];
                            }[];
                            targetSegments: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** @description A segment of the network's joint segmentation scheme (its latest version). */
                                segment: string;
                                /**
                                 * @description Best, average or worst customers: each gets different value.
                                 * @enum {unknown}
                                 */
                                tier: "best" | "average" | "worst";
                                valueProposition: string;
                            }[];
                            partnerRoles: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An active member firm of the network.
                                 */
                                firmId: string;
                                role: string;
                                commitments: {
                                    /** @enum {unknown} */
                                    kind: "data_feed" | "channel" | "service_level" | "investment" | "cost_sharing";
                                    description: string;
                                }[];
                            }[];
                            customerExperience: {
                                channelMix: string;
                                consistencyRules: string;
                                deliveryOptions: string;
                                /** @description Returns across partners. */
                                returns: string;
                                priceMatching: string;
                            };
                            capabilities: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                name: string;
                                description: string;
                                firmId: string | null;
                            }[];
                            technology: string;
                            successMeasures: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** Format: uuid */
                                measureId: string;
                                note: string;
                            }[];
                            /** @enum {unknown} */
                            reviewCadence: "monthly" | "quarterly" | "semiannual" | "annual";
                        };
                        comments: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description A section of the strategy.
                             * @enum {unknown}
                             */
                            section: "vision" | "objectives" | "targetSegments" | "partnerRoles" | "customerExperience" | "capabilities" | "successMeasures";
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            author: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every decision on this version, oldest first. */
                        signoffs: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            versionId: string;
                            version: number;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            by: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            decision: "signed" | "changes_requested";
                            reason: string;
                            /** Format: date-time */
                            decidedAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishStrategyVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        version: number;
                        status: "draft" | "in_review" | "published";
                        title: string;
                        basedOnVersion: number | null;
                        createdBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        submittedAt: string | null;
                        publishedAt: string | null;
                        publishedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** @description Partner firms whose latest decision on this version is a sign-off. */
                        signed: number;
                        /** @description Partner firms whose latest decision on it requests changes. */
                        changesRequested: number;
                        /** @description The strategy, section by section. */
                        content: {
                            vision: string;
                            objectives: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                title: string;
                                description: string;
                                measures: {
                                    /**
                                     * Format: uuid
                                     * @description A measure of one of the network's scorecards.
                                     */
                                    measureId: string;
                                    target: number;
                                    /**
                                     * Format: date
                                     * @description A day, YYYY-MM-DD.
                                     */
                                    dueDate: string;
                                }[];
                            }[];
                            targetSegments: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** @description A segment of the network's joint segmentation scheme (its latest version). */
                                segment: string;
                                /**
                                 * @description Best, average or worst customers: each gets different value.
                                 * @enum {unknown}
                                 */
                                tier: "best" | "average" | "worst";
                                valueProposition: string;
                            }[];
                            partnerRoles: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /**
                                 * Format: uuid
                                 * @description An active member firm of the network.
                                 */
                                firmId: string;
                                role: string;
                                commitments: {
                                    /** @enum {unknown} */
                                    kind: "data_feed" | "channel" | "service_level" | "investment" | "cost_sharing";
                                    description: string;
                                }[];
                            }[];
                            customerExperience: {
                                channelMix: string;
                                consistencyRules: string;
                                deliveryOptions: string;
                                /** @description Returns across partners. */
                                returns: string;
                                priceMatching: string;
                            };
                            capabilities: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                name: string;
                                description: string;
                                firmId: string | null;
                            }[];
                            technology: string;
                            successMeasures: {
                                /** @description Stable id of the item within its list, kept across versions (the diff matches items by it). */
                                id: string;
                                /** Format: uuid */
                                measureId: string;
                                note: string;
                            }[];
                            /** @enum {unknown} */
                            reviewCadence: "monthly" | "quarterly" | "semiannual" | "annual";
                        };
                        comments: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description A section of the strategy.
                             * @enum {unknown}
                             */
                            section: "vision" | "objectives" | "targetSegments" | "partnerRoles" | "customerExperience" | "capabilities" | "successMeasures";
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            author: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Every decision on this version, oldest first. */
                        signoffs: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            versionId: string;
                            version: number;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            by: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            decision: "signed" | "changes_requested";
                            reason: string;
                            /** Format: date-time */
                            decidedAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    commentOnStrategy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                versionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description A section of the strategy.
                     * @enum {unknown}
                     */
                    section: "vision" | "objectives" | "targetSegments" | "partnerRoles" | "customerExperience" | "capabilities" | "successMeasures";
                    body: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /**
                         * @description A section of the strategy.
                         * @enum {unknown}
                         */
                        section: "vision" | "objectives" | "targetSegments" | "partnerRoles" | "customerExperience" | "capabilities" | "successMeasures";
                        /** Format: uuid */
                        firmId: string;
                        firmName: string;
                        author: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        body: string;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideOnStrategy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                versionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    decision: "signed" | "changes_requested";
                    /** @description Required when requesting changes: what should change. */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        versionId: string;
                        version: number;
                        /** Format: uuid */
                        firmId: string;
                        firmName: string;
                        by: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        decision: "signed" | "changes_requested";
                        reason: string;
                        /** Format: date-time */
                        decidedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    diffStrategyVersions: {
        parameters: {
            query?: {
                /** @description The older version; by default the one `to` was started from (nothing for the first version). */
                from?: string;
                /** @description The newer version; by default the newest you can see. */
                to?: string;
            };
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Null when comparing the first version with an empty strategy. */
                        from: {
                            /** Format: uuid */
                            id: string;
                            version: number;
                        } | null;
                        to: {
                            /** Format: uuid */
                            id: string;
                            version: number;
                        };
                        sections: {
                            /**
                             * @description A section of the strategy.
                             * @enum {unknown}
                             */
                            section: "vision" | "objectives" | "targetSegments" | "partnerRoles" | "customerExperience" | "capabilities" | "successMeasures";
                            title: string;
                            changes: {
                                kind: "added" | "removed" | "changed" | "moved";
                                label: string;
                                path: string;
                                before: string | null;
                                after: string | null;
                                text: {
                                    op: "equal" | "insert" | "delete";
                                    text: string;
                                }[] | null;
                            }[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addStrategyTeamMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    userId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** Format: uuid */
                        firmId: string;
                        firmName: string;
                        role: string;
                        /** @description False for the focal firm's own managers, who are on the team by role. */
                        invited: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeStrategyTeamMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description Only unread ones. */
                unread?: boolean;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first, at most `limit`. */
                        items: {
                            /** Format: uuid */
                            id: string;
                            networkId: string | null;
                            /** @description e.g. strategy_published, strategy_changes_requested, survey_round_opened. */
                            kind: string;
                            title: string;
                            body: string;
                            /** @description A portal path. */
                            link: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            readAt: string | null;
                        }[];
                        unread: number;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        networkId: string | null;
                        /** @description e.g. strategy_published, strategy_changes_requested, survey_round_opened. */
                        kind: string;
                        title: string;
                        body: string;
                        /** @description A portal path. */
                        link: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        readAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readAllNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        read: number;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerPortfolio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        window: {
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            to: string;
                        };
                        /** @description The relationships you are party to: every partner for the focal firm, your own for a partner. */
                        items: {
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                chainRole: string;
                            };
                            /** @enum {unknown} */
                            relationshipStage: "transactional" | "value_adding" | "collaborative";
                            sponsor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            revenue: number | null;
                            customers: number | null;
                            visibility: ("own" | "customer" | "aggregate") | null;
                            datasets: {
                                dataset: string;
                                level: string | null;
                                lastLoadedAt: string | null;
                                hoursSinceLoad: number | null;
                            }[];
                            scorecardScore: number | null;
                            spectrum: {
                                /** @description 0 transactional .. 1 collaborative. */
                                position: number;
                                /** @enum {unknown} */
                                stage: "transactional" | "value_adding" | "collaborative";
                                agreement: number | null;
                            } | null;
                            integration: number | null;
                            health: {
                                /** Format: uuid */
                                roundId: string;
                                roundTitle: string;
                                responses: number;
                                /** @description Mean score per dimension, 1..5. */
                                dimensions: {
                                    trust: number;
                                    commitment: number;
                                    satisfaction: number;
                                    information_sharing: number;
                                };
                            } | null;
                            onStrategyTeam: boolean;
                            signedLatestStrategy: boolean | null;
                        }[];
                        recommendation: {
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            onTeam: boolean;
                            /** @description 0..1: 0.4 value + 0.3 complementarity + 0.3 commitment. */
                            score: number;
                            value: number;
                            complementarity: number;
                            commitment: number;
                            reasons: string[];
                        }[] | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnerProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                firmId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        firm: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            chainRole: string;
                        };
                        /** @enum {unknown} */
                        relationshipStage: "transactional" | "value_adding" | "collaborative";
                        sponsor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        revenue: number | null;
                        customers: number | null;
                        visibility: ("own" | "customer" | "aggregate") | null;
                        datasets: {
                            dataset: string;
                            level: string | null;
                            lastLoadedAt: string | null;
                            hoursSinceLoad: number | null;
                        }[];
                        scorecardScore: number | null;
                        spectrum: {
                            /** @description 0 transactional .. 1 collaborative. */
                            position: number;
                            /** @enum {unknown} */
                            stage: "transactional" | "value_adding" | "collaborative";
                            agreement: number | null;
                        } | null;
                        integration: number | null;
                        health: {
                            /** Format: uuid */
                            roundId: string;
                            roundTitle: string;
                            responses: number;
                            /** @description Mean score per dimension, 1..5. */
                            dimensions: {
                                trust: number;
                                commitment: number;
                                satisfaction: number;
                                information_sharing: number;
                            };
                        } | null;
                        onStrategyTeam: boolean;
                        signedLatestStrategy: boolean | null;
                        assessments: {
                            focal: {
                                /** @description Each indicator 1 (low) .. 5 (high). */
                                spectrum: {
                                    alternatives: number;
                                    market_dynamism: number;
                                    importance: number;
                                    complexity: number;
                                    information_exchange: number;
                                    operational_linkages: number;
                                };
                                /** @description Each integration level 1 (none) .. 5 (deep). */
                                integration: {
                                    strategic: number;
                                    tactical: number;
                                    operational: number;
                                    interpersonal: number;
                                    cultural: number;
                                };
                                note: string;
                                answeredBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** Format: date-time */
                                answeredAt: string;
                            } | null;
                            partner: {
                                /** @description Each indicator 1 (low) .. 5 (high). */
                                spectrum: {
                                    alternatives: number;
                                    market_dynamism: number;
                                    importance: number;
                                    complexity: number;
                                    information_exchange: number;
                                    operational_linkages: number;
                                };
                                /** @description Each integration level 1 (none) .. 5 (deep). */
                                integration: {
                                    strategic: number;
                                    tactical: number;
                                    operational: number;
                                    interpersonal: number;
                                    cultural: number;
                                };
                                note: string;
                                answeredBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** Format: date-time */
                                answeredAt: string;
                            } | null;
                        };
                        spectrumDetail: {
                            position: number;
                            /** @enum {unknown} */
                            stage: "transactional" | "value_adding" | "collaborative";
                            agreement: number | null;
                            indicators: {
                                indicator: string;
                                label: string;
                                collaborativeWhen: "low" | "high";
                                focal: number | null;
                                partner: number | null;
                                mean: number;
                                gap: number | null;
                            }[];
                        } | null;
                        integrationDetail: {
                            level: string;
                            focal: number | null;
                            partner: number | null;
                            mean: number;
                            gap: number | null;
                        }[] | null;
                        /** @description Boundary spanners of both firms. */
                        contacts: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            person: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            role: string;
                            /** Format: date-time */
                            addedAt: string;
                        }[];
                        /** @description Each round with answers, newest first: each side’s dimension scores. */
                        surveys: {
                            /** Format: uuid */
                            roundId: string;
                            title: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            opensOn: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            closesOn: string;
                            focal: {
                                trust: number;
                                commitment: number;
                                satisfaction: number;
                                information_sharing: number;
                            } | null;
                            partner: {
                                trust: number;
                                commitment: number;
                                satisfaction: number;
                                information_sharing: number;
                            } | null;
                        }[];
                        recommendation: {
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            onTeam: boolean;
                            /** @description 0..1: 0.4 value + 0.3 complementarity + 0.3 commitment. */
                            score: number;
                            value: number;
                            complementarity: number;
                            commitment: number;
                            reasons: string[];
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    assessRelationship: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                firmId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Each indicator 1 (low) .. 5 (high). */
                    spectrum: {
                        alternatives: number;
                        market_dynamism: number;
                        importance: number;
                        complexity: number;
                        information_exchange: number;
                        operational_linkages: number;
                    };
                    /** @description Each integration level 1 (none) .. 5 (deep). */
                    integration: {
                        strategic: number;
                        tactical: number;
                        operational: number;
                        interpersonal: number;
                        cultural: number;
                    };
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        firm: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            chainRole: string;
                        };
                        /** @enum {unknown} */
                        relationshipStage: "transactional" | "value_adding" | "collaborative";
                        sponsor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        revenue: number | null;
                        customers: number | null;
                        visibility: ("own" | "customer" | "aggregate") | null;
                        datasets: {
                            dataset: string;
                            level: string | null;
                            lastLoadedAt: string | null;
                            hoursSinceLoad: number | null;
                        }[];
                        scorecardScore: number | null;
                        spectrum: {
                            /** @description 0 transactional .. 1 collaborative. */
                            position: number;
                            /** @enum {unknown} */
                            stage: "transactional" | "value_adding" | "collaborative";
                            agreement: number | null;
                        } | null;
                        integration: number | null;
                        health: {
                            /** Format: uuid */
                            roundId: string;
                            roundTitle: string;
                            responses: number;
                            /** @description Mean score per dimension, 1..5. */
                            dimensions: {
                                trust: number;
                                commitment: number;
                                satisfaction: number;
                                information_sharing: number;
                            };
                        } | null;
                        onStrategyTeam: boolean;
                        signedLatestStrategy: boolean | null;
                        assessments: {
                            focal: {
                                /** @description Each indicator 1 (low) .. 5 (high). */
                                spectrum: {
                                    alternatives: number;
                                    market_dynamism: number;
                                    importance: number;
                                    complexity: number;
                                    information_exchange: number;
                                    operational_linkages: number;
                                };
                                /** @description Each integration level 1 (none) .. 5 (deep). */
                                integration: {
                                    strategic: number;
                                    tactical: number;
                                    operational: number;
                                    interpersonal: number;
                                    cultural: number;
                                };
                                note: string;
                                answeredBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** Format: date-time */
                                answeredAt: string;
                            } | null;
                            partner: {
                                /** @description Each indicator 1 (low) .. 5 (high). */
                                spectrum: {
                                    alternatives: number;
                                    market_dynamism: number;
                                    importance: number;
                                    complexity: number;
                                    information_exchange: number;
                                    operational_linkages: number;
                                };
                                /** @description Each integration level 1 (none) .. 5 (deep). */
                                integration: {
                                    strategic: number;
                                    tactical: number;
                                    operational: number;
                                    interpersonal: number;
                                    cultural: number;
                                };
                                note: string;
                                answeredBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** Format: date-time */
                                answeredAt: string;
                            } | null;
                        };
                        spectrumDetail: {
                            position: number;
                            /** @enum {unknown} */
                            stage: "transactional" | "value_adding" | "collaborative";
                            agreement: number | null;
                            indicators: {
                                indicator: string;
                                label: string;
                                collaborativeWhen: "low" | "high";
                                focal: number | null;
                                partner: number | null;
                                mean: number;
                                gap: number | null;
                            }[];
                        } | null;
                        integrationDetail: {
                            level: string;
                            focal: number | null;
                            partner: number | null;
                            mean: number;
                            gap: number | null;
                        }[] | null;
                        /** @description Boundary spanners of both firms. */
                        contacts: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            person: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            role: string;
                            /** Format: date-time */
                            addedAt: string;
                        }[];
                        /** @description Each round with answers, newest first: each side’s dimension scores. */
                        surveys: {
                            /** Format: uuid */
                            roundId: string;
                            title: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            opensOn: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            closesOn: string;
                            focal: {
                                trust: number;
                                commitment: number;
                                satisfaction: number;
                                information_sharing: number;
                            } | null;
                            partner: {
                                trust: number;
                                commitment: number;
                                satisfaction: number;
                                information_sharing: number;
                            } | null;
                        }[];
                        recommendation: {
                            /** Format: uuid */
                            firmId: string;
                            firmName: string;
                            onTeam: boolean;
                            /** @description 0..1: 0.4 value + 0.3 complementarity + 0.3 commitment. */
                            score: number;
                            value: number;
                            complementarity: number;
                            commitment: number;
                            reasons: string[];
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addRelationshipContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                firmId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description A person of your own firm.
                     */
                    userId: string;
                    /** @description What they do for the relationship, e.g. 'Key account manager'. */
                    role: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        firmId: string;
                        firmName: string;
                        person: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        role: string;
                        /** Format: date-time */
                        addedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeRelationshipContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                firmId: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSurveyRounds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        instrument: {
                            dimensions: string[];
                            items: {
                                code: string;
                                dimension: string;
                                statement: string;
                                reverse: boolean;
                            }[];
                            scale: string;
                        };
                        /** @description Newest first. */
                        rounds: {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            opensOn: string;
                            /**
                             * Format: date
                             * @description A day, YYYY-MM-DD.
                             */
                            closesOn: string;
                            status: "upcoming" | "open" | "closed";
                            /** @description Responses you can see. */
                            responses: number;
                            /** @description Partner firms of relationships your firm has not answered for yet. */
                            pending: string[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openSurveyRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /**
                     * Format: date
                     * @description A day, YYYY-MM-DD.
                     */
                    opensOn: string;
                    /**
                     * Format: date
                     * @description The last day answers are taken.
                     */
                    closesOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        /**
                         * Format: date
                         * @description A day, YYYY-MM-DD.
                         */
                        opensOn: string;
                        /**
                         * Format: date
                         * @description A day, YYYY-MM-DD.
                         */
                        closesOn: string;
                        status: "upcoming" | "open" | "closed";
                        /** @description Responses you can see. */
                        responses: number;
                        /** @description Partner firms of relationships your firm has not answered for yet. */
                        pending: string[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSurveyRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        /**
                         * Format: date
                         * @description A day, YYYY-MM-DD.
                         */
                        opensOn: string;
                        /**
                         * Format: date
                         * @description A day, YYYY-MM-DD.
                         */
                        closesOn: string;
                        status: "upcoming" | "open" | "closed";
                        /** @description Responses you can see. */
                        responses: number;
                        /** @description Partner firms of relationships your firm has not answered for yet. */
                        pending: string[];
                        relationships: {
                            /** @description The partner firm of the relationship. */
                            firm: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            focal: {
                                trust: number;
                                commitment: number;
                                satisfaction: number;
                                information_sharing: number;
                            } | null;
                            partner: {
                                trust: number;
                                commitment: number;
                                satisfaction: number;
                                information_sharing: number;
                            } | null;
                            yours: {
                                answers: {
                                    [key: string]: number;
                                };
                                comment: string;
                                /** Format: date-time */
                                answeredAt: string;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    answerSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                networkId: string;
                roundId: string;
                partnerFirmId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Item code -> 1 (strongly disagree) .. 5 (strongly agree). */
                    answers: {
                        [key: string]: number;
                    };
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        roundId: string;
                        /** Format: uuid */
                        partnerFirmId: string;
                        /** Format: uuid */
                        respondentFirmId: string;
                        /** @description Mean score per dimension, 1..5. */
                        dimensions: {
                            trust: number;
                            commitment: number;
                            satisfaction: number;
                            information_sharing: number;
                        };
                        /** Format: date-time */
                        answeredAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
