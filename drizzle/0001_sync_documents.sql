CREATE TABLE "saved_routes" (
	"rider_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"origin" jsonb NOT NULL,
	"destination" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_routes_rider_id_id_pk" PRIMARY KEY("rider_id","id")
);
--> statement-breakpoint
CREATE TABLE "sync_documents" (
	"doc_name" text PRIMARY KEY NOT NULL,
	"owner_id" uuid,
	"snapshot" "bytea",
	"snapshot_update_id" bigint DEFAULT 0 NOT NULL,
	"bytes" integer DEFAULT 0 NOT NULL,
	"reconciled_update_id" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"doc_name" text NOT NULL,
	"update" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "saved_routes" ADD CONSTRAINT "saved_routes_rider_id_users_id_fk" FOREIGN KEY ("rider_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_documents" ADD CONSTRAINT "sync_documents_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_updates_doc_idx" ON "sync_updates" USING btree ("doc_name","id");