CREATE TABLE "alert_states" (
	"condition" text PRIMARY KEY NOT NULL,
	"firing" boolean DEFAULT false NOT NULL,
	"since" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"paged" boolean DEFAULT false NOT NULL,
	"observed_at" timestamp with time zone,
	"detail" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
