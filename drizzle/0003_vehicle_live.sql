CREATE TABLE "vehicle_live" (
	"vehicle_id" uuid PRIMARY KEY NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"speed" real,
	"heading" real
);
--> statement-breakpoint
ALTER TABLE "vehicle_live" ADD CONSTRAINT "vehicle_live_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE cascade ON UPDATE no action;