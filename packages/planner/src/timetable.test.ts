import { parseFeed } from '@kigaligo/gtfs';
import { describe, expect, it } from 'vitest';
import { timetableFromFeed } from './timetable';

/** A hand-made feed: a station with two platforms, one frequency-based route and one scheduled trip. */
function feedText(shapeDist: string[]): Record<string, string> {
  return {
    'agency.txt':
      'agency_id,agency_name,agency_url,agency_timezone\nA,Bus,https://example.rw,Africa/Kigali\n',
    'stops.txt': [
      'stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station',
      'P,Park,-1.94,30.04,1,',
      'P1,Park A,-1.9400,30.0400,0,P',
      'P2,Park B,-1.9401,30.0402,0,P',
      'X,Far,-1.95,30.06,0,',
    ].join('\n'),
    'routes.txt': 'route_id,agency_id,route_short_name,route_long_name,route_type\nR,A,1,Park–Far,3\n',
    'trips.txt': 'route_id,service_id,trip_id,trip_headsign\nR,WD,F,\nR,WD,S,To Far\n',
    'stop_times.txt': [
      'trip_id,arrival_time,departure_time,stop_id,stop_sequence,shape_dist_traveled',
      `F,05:00:00,05:00:00,P1,1,${shapeDist[0]}`,
      `F,05:10:00,05:11:00,X,2,${shapeDist[1]}`,
      `S,23:50:00,23:50:00,P2,1,${shapeDist[0]}`,
      `S,24:00:00,24:01:00,X,2,${shapeDist[1]}`,
    ].join('\n'),
    'calendar.txt':
      'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nWD,1,1,1,1,1,0,0,20260101,20261231\n',
    'calendar_dates.txt': 'service_id,date,exception_type\nWD,20260407,2\nWD,20260411,1\n',
    'frequencies.txt': 'trip_id,start_time,end_time,headway_secs\nF,06:00:00,07:00:00,900\n',
    'transfers.txt': 'from_stop_id,to_stop_id,transfer_type,min_transfer_time\nP,P,2,240\n',
  };
}

describe('timetableFromFeed', () => {
  const tt = timetableFromFeed(parseFeed(feedText(['0', '2700'])));

  it('keeps boardable stops only, naming their station', () => {
    expect(tt.stops.map((s) => s.id)).toEqual(['P1', 'P2', 'X']);
    expect(tt.stops[0]!.station).toBe('Park');
  });

  it('turns trips into templates of offsets, with frequencies kept as windows', () => {
    expect(tt.templates).toHaveLength(2);
    expect(tt.templates[0]).toMatchObject({ stops: [0, 2], arr: [0, 600], dep: [0, 660], headsign: 'Far' });
    expect(tt.frequencies).toEqual([[0, 0, 6 * 3600, 7 * 3600, 900]]);
    expect(tt.departures).toEqual([[1, 0, 23 * 3600 + 50 * 60]]);
    expect(tt.templates[1]!.headsign).toBe('To Far');
  });

  it('carries calendars with their exceptions', () => {
    expect(tt.services).toEqual([
      {
        id: 'WD',
        days: 0b0011111,
        start: '20260101',
        end: '20261231',
        added: ['20260411'],
        removed: ['20260407'],
      },
    ]);
  });

  it('expands a transfer given for a station to all its platforms', () => {
    expect(tt.transfers).toEqual([
      [0, 0, 240],
      [0, 1, 240],
      [1, 0, 240],
      [1, 1, 240],
    ]);
  });

  it('uses shape_dist_traveled when plausible as metres, straight lines otherwise', () => {
    expect(tt.templates[0]!.dist).toEqual([0, 2700]);
    // The same distances in km would be 1000× too short: fall back to the straight line (~2.4 km).
    const km = timetableFromFeed(parseFeed(feedText(['0', '2.7'])));
    expect(km.templates[0]!.dist[1]).toBeGreaterThan(2000);
    expect(km.templates[0]!.dist[1]).toBeLessThan(2700);
  });
});
