CREATE TABLE "shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"driver_id" uuid NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_driver_id_users_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shifts_vehicle_driver_idx" ON "shifts" USING btree ("vehicle_id","driver_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shifts_one_open_per_vehicle" ON "shifts" USING btree ("vehicle_id") WHERE "shifts"."ended_at" is null;--> statement-breakpoint
-- Drivers on shift when this migration runs keep their shift: it opens now (their earlier fixes, if any still
-- wait on a phone, were recorded before anything recorded a start).
INSERT INTO "shifts" ("driver_id", "vehicle_id", "started_at")
SELECT "driver_id", "id", now() FROM "vehicles" WHERE "driver_id" IS NOT NULL AND "status" IN ('available', 'on_trip');
