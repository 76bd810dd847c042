ALTER TABLE "users" ADD COLUMN "simulated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "simulated" boolean DEFAULT false NOT NULL;