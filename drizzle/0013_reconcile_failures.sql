CREATE TABLE "reconcile_failures" (
	"doc_name" text NOT NULL,
	"entry_key" text NOT NULL,
	"user_id" uuid,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"fingerprint" text NOT NULL,
	"attempts" integer NOT NULL,
	"first_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	CONSTRAINT "reconcile_failures_doc_name_entry_key_pk" PRIMARY KEY("doc_name","entry_key")
);
--> statement-breakpoint
ALTER TABLE "reconcile_failures" ADD CONSTRAINT "reconcile_failures_doc_name_sync_documents_doc_name_fk" FOREIGN KEY ("doc_name") REFERENCES "public"."sync_documents"("doc_name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconcile_failures" ADD CONSTRAINT "reconcile_failures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reconcile_failures_first_failed_idx" ON "reconcile_failures" USING btree ("first_failed_at");