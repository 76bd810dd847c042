ALTER TABLE "vehicles" ADD COLUMN "trip_id" text;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "trip_start_date" text;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "trip_start_time" text;