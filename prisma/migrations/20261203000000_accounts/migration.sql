-- Accounts, roles and access. Sign-in is better-auth's: its user, session, account and verification
-- records are our users, sessions, auth_accounts and verifications tables (mapped field by field in
-- lib/access/auth.ts). Tokens, invitations, rate-limit windows and instance settings are ours.

-- Per-incident roles beyond owner/analyst/viewer: executives read the overview, chain and brief only;
-- instructors and trainees belong to training exercises.
ALTER TYPE "role" ADD VALUE 'executive';
ALTER TYPE "role" ADD VALUE 'instructor';
ALTER TYPE "role" ADD VALUE 'trainee';

ALTER TABLE "users" ADD COLUMN "email_verified" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "users" ADD COLUMN "image" TEXT;
ALTER TABLE "users" ADD COLUMN "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "users" ADD COLUMN "is_admin" BOOLEAN NOT NULL DEFAULT false;
-- A disabled account cannot sign in and its tokens are refused; its history stays.
ALTER TABLE "users" ADD COLUMN "disabled_at" TIMESTAMPTZ(6);

CREATE TABLE "sessions" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id"     UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "token"       TEXT NOT NULL,
  "expires_at"  TIMESTAMPTZ(6) NOT NULL,
  "ip_address"  TEXT,
  "user_agent"  TEXT,
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions" ("token");
CREATE INDEX "sessions_user_id_idx" ON "sessions" ("user_id");

-- How a user signs in: provider "credential" holds the argon2id hash; an OIDC provider holds its subject.
CREATE TABLE "auth_accounts" (
  "id"                        UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id"                   UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "account_id"                TEXT NOT NULL,
  "provider_id"               TEXT NOT NULL,
  "access_token"              TEXT,
  "refresh_token"             TEXT,
  "id_token"                  TEXT,
  "access_token_expires_at"   TIMESTAMPTZ(6),
  "refresh_token_expires_at"  TIMESTAMPTZ(6),
  "scope"                     TEXT,
  "password"                  TEXT,
  "created_at"                TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"                TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "auth_accounts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "auth_accounts_provider_id_account_id_key" ON "auth_accounts" ("provider_id", "account_id");
CREATE INDEX "auth_accounts_user_id_idx" ON "auth_accounts" ("user_id");

-- better-auth's short-lived values (OIDC state and PKCE verifiers).
CREATE TABLE "verifications" (
  "id"          UUID NOT NULL DEFAULT gen_random_uuid(),
  "identifier"  TEXT NOT NULL,
  "value"       TEXT NOT NULL,
  "expires_at"  TIMESTAMPTZ(6) NOT NULL,
  "created_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "verifications_identifier_idx" ON "verifications" ("identifier");

-- Personal access tokens: only a sha256 of the secret is kept; the prefix identifies it in lists.
CREATE TABLE "api_tokens" (
  "id"            UUID NOT NULL DEFAULT gen_random_uuid(),
  "user_id"       UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "name"          TEXT NOT NULL,
  "prefix"        TEXT NOT NULL,
  "token_hash"    CHAR(64) NOT NULL,
  "scope"         TEXT NOT NULL CHECK ("scope" IN ('read', 'write')),
  "expires_at"    TIMESTAMPTZ(6) NOT NULL,
  "revoked_at"    TIMESTAMPTZ(6),
  "last_used_at"  TIMESTAMPTZ(6),
  "created_at"    TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" ("token_hash");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" ("user_id");

-- An invitation to an incident for someone who may have no account yet: one-time, expiring.
CREATE TABLE "invitations" (
  "id"             UUID NOT NULL DEFAULT gen_random_uuid(),
  "incident_id"    UUID NOT NULL REFERENCES "incidents" ("id") ON UPDATE CASCADE ON DELETE CASCADE,
  "email"          TEXT NOT NULL,
  "role"           "role" NOT NULL,
  "token_hash"     CHAR(64) NOT NULL,
  "invited_by_id"  UUID NOT NULL REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE RESTRICT,
  "expires_at"     TIMESTAMPTZ(6) NOT NULL,
  "accepted_at"    TIMESTAMPTZ(6),
  "accepted_by_id" UUID REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE SET NULL,
  "revoked_at"     TIMESTAMPTZ(6),
  "created_at"     TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" ("token_hash");
CREATE INDEX "invitations_incident_id_idx" ON "invitations" ("incident_id");
CREATE INDEX "invitations_email_idx" ON "invitations" ("email");

-- Fixed windows for rate limits (sign-in per account and per address, uploads per user).
CREATE TABLE "rate_limit_windows" (
  "key"           TEXT NOT NULL,
  "window_start"  TIMESTAMPTZ(6) NOT NULL,
  "count"         INTEGER NOT NULL,
  CONSTRAINT "rate_limit_windows_pkey" PRIMARY KEY ("key")
);

-- One row: how single sign-on creates accounts ('open': on first sign-in; 'invite': only for
-- addresses with a pending invitation).
CREATE TABLE "instance_settings" (
  "id"          INTEGER NOT NULL DEFAULT 1 CHECK ("id" = 1),
  "sso_signup"  TEXT NOT NULL DEFAULT 'invite' CHECK ("sso_signup" IN ('open', 'invite')),
  -- Signs session cookies and OIDC state when CHAINLINE_SECRET is not set: made once, at random, by the app.
  "auth_secret" TEXT,
  "updated_at"  TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "instance_settings_pkey" PRIMARY KEY ("id")
);
INSERT INTO "instance_settings" ("id") VALUES (1);

-- The audit trail outlives what it describes: a failed sign-in has no user, a deleted incident's
-- entries stay (so no foreign key that would rewrite them), and the address is kept.
ALTER TABLE "audit_entries" ALTER COLUMN "actor_id" DROP NOT NULL;
ALTER TABLE "audit_entries" DROP CONSTRAINT IF EXISTS "audit_entries_incident_id_fkey";
ALTER TABLE "audit_entries" ADD COLUMN "actor_label" TEXT;
ALTER TABLE "audit_entries" ADD COLUMN "ip_address" TEXT;
CREATE INDEX "audit_entries_actor_id_at_idx" ON "audit_entries" ("actor_id", "at");
CREATE INDEX "audit_entries_at_idx" ON "audit_entries" ("at");

-- Append-only: the database itself refuses to change or remove an audit entry.
CREATE FUNCTION "audit_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_entries_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION "audit_entries_append_only"();
CREATE TRIGGER "audit_entries_no_truncate" BEFORE TRUNCATE ON "audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_append_only"();
-- ALWAYS: the import's finalize runs with session_replication_role = replica, which skips ordinary triggers.
ALTER TABLE "audit_entries" ENABLE ALWAYS TRIGGER "audit_entries_no_update_delete";
ALTER TABLE "audit_entries" ENABLE ALWAYS TRIGGER "audit_entries_no_truncate";
