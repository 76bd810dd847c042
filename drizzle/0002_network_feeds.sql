CREATE TABLE "network_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hash" text NOT NULL,
	"source" text NOT NULL,
	"stop_count" integer NOT NULL,
	"route_count" integer NOT NULL,
	"trip_count" integer NOT NULL,
	"bundle" text NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_feeds_hash_unique" UNIQUE("hash")
);
