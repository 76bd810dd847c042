import type { LiveVehicle, TrackedVehicle } from '@kigaligo/domain';
import type { LiveServerMessage } from '@kigaligo/sync-protocol';
import { exactView } from './visibility';

/**
 * One vehicle's state as /live frames, built at most once however many clients see it exactly: a bus's move
 * goes to thousands of riders as one shared Buffer (no JSON, no string-to-bytes copy per client). Replaced, not
 * updated, when the vehicle changes.
 */
export class VehicleFrames {
  private json: string | undefined;
  private bytes: Buffer | undefined;

  constructor(readonly vehicle: TrackedVehicle) {}

  /** The exact `position` message as JSON: also what tells a client's last frame from the next. */
  exactJson(): string {
    this.json ??= JSON.stringify({
      type: 'position',
      vehicle: exactView(this.vehicle),
    } satisfies LiveServerMessage<LiveVehicle>);
    return this.json;
  }

  /** The same as the bytes of a text frame. */
  exactFrame(): Buffer {
    this.bytes ??= Buffer.from(this.exactJson());
    return this.bytes;
  }
}
