import type { LiveVehicle, TrackedVehicle } from '@kigaligo/domain';
import type { LiveServerMessage } from '@kigaligo/sync-protocol';
import { coarsePosition, exactView } from './visibility';

/**
 * One vehicle's state as /live frames, built at most once however many clients see it exactly: a bus's move
 * goes to thousands of riders as one shared Buffer (no JSON, no string-to-bytes copy, no framing per client).
 * Replaced, not updated, when the vehicle changes.
 */
export class VehicleFrames {
  private json: string | undefined;
  private bytes: Buffer | undefined;
  private coarse: string | undefined;
  private coarseCell: ReturnType<typeof coarsePosition> | undefined;

  constructor(readonly vehicle: TrackedVehicle) {}

  /** The exact `position` message as JSON: also what tells a client's last frame from the next. */
  exactJson(): string {
    this.json ??= JSON.stringify({
      type: 'position',
      vehicle: exactView(this.vehicle),
    } satisfies LiveServerMessage<LiveVehicle>);
    return this.json;
  }

  /**
   * What an anonymous view of the vehicle reveals (grid cell, minute, staleness), to tell one client's last view
   * from the next: one string for every client rather than one each.
   */
  coarseKey(): string {
    if (this.coarse === undefined) {
      const at = this.coarseAt();
      this.coarse = `${at.lat},${at.lon},${at.recordedAt},${this.vehicle.stale}`;
    }
    return this.coarse;
  }

  /** Where an anonymous view shows the vehicle: computed once, then tested against each client's box. */
  coarseAt(): ReturnType<typeof coarsePosition> {
    this.coarseCell ??= coarsePosition(this.vehicle);
    return this.coarseCell;
  }

  /** The same as a whole WebSocket frame, header included: written to each socket as it is. */
  exactFrame(): Buffer {
    this.bytes ??= textFrame(Buffer.from(this.exactJson()));
    return this.bytes;
  }
}

/**
 * The bytes of one final, unmasked text frame carrying `payload`, as a server sends it (RFC 6455 §5.2). Built
 * once per vehicle state, so sending it to a socket is one write of shared bytes, where `ws.send` frames the
 * message again for every socket and writes header and payload as two buffers.
 */
export function textFrame(payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? 2 : n < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x81; // FIN and opcode 1 (text)
  if (n < 126) frame[1] = n;
  else if (n < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  payload.copy(frame, head);
  return frame;
}
