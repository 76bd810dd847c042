import { z } from 'zod';
import { text } from './text';

// Branded ids keep a user id from being passed where a vehicle id is expected; on the wire they are UUIDs.
export const userId = z.uuid().brand<'UserId'>();
export const vehicleId = z.uuid().brand<'VehicleId'>();
export const tripId = z.uuid().brand<'TripId'>();
export const paymentId = z.uuid().brand<'PaymentId'>();
export const refundId = z.uuid().brand<'RefundId'>();
export const reportId = z.uuid().brand<'ReportId'>();
// Stop and route ids come from GTFS feeds, which use free-form strings.
export const stopId = text({ min: 1, max: 128, trim: false }).brand<'StopId'>();
export const routeId = text({ min: 1, max: 128, trim: false }).brand<'RouteId'>();

export type UserId = z.infer<typeof userId>;
export type VehicleId = z.infer<typeof vehicleId>;
export type TripId = z.infer<typeof tripId>;
export type PaymentId = z.infer<typeof paymentId>;
export type RefundId = z.infer<typeof refundId>;
export type ReportId = z.infer<typeof reportId>;
export type StopId = z.infer<typeof stopId>;
export type RouteId = z.infer<typeof routeId>;
