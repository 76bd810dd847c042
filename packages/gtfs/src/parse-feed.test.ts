import { describe, expect, it } from 'vitest';
import { FeedError, parseFeed, tryParseFeed } from './parse-feed';
import { smallFeed } from './test-feed';
import type { FeedIssue } from './types';

/** The issues a feed is refused with, after applying `edit` to the small valid feed. */
function issuesOf(edit: (f: Record<string, string>) => void): FeedIssue[] {
  const files = smallFeed();
  edit(files);
  const r = tryParseFeed(files);
  if (r.ok) throw new Error('expected the feed to be refused');
  return r.issues;
}
const replace = (f: Record<string, string>, file: string, from: string, to: string) => {
  f[file] = f[file]!.replace(from, to);
};

describe('parseFeed on a valid feed', () => {
  it('parses every table, keeps times past 24:00 and interpolates an untimed stop', () => {
    const feed = parseFeed(smallFeed());
    expect(feed.stops).toHaveLength(4);
    expect(feed.stops.find((s) => s.id === 'S1')?.parentStation).toBe('P');
    const t1 = feed.stopTimes.filter((s) => s.tripId === 'T1');
    expect(t1.map((s) => s.arrival)).toEqual([8 * 3600, 8 * 3600 + 600, 8 * 3600 + 1200]);
    const t2 = feed.stopTimes.filter((s) => s.tripId === 'T2');
    expect(t2[2]!.arrival).toBe(25 * 3600 + 300);
    expect(t2[1]!.departure - t2[1]!.arrival).toBe(60);
    expect(feed.calendars[0]!.days).toEqual([true, true, true, true, true, false, false]);
  });

  it('accepts absent optional files and calendar_dates.txt instead of calendar.txt', () => {
    const files = smallFeed();
    delete files['calendar.txt'];
    files['calendar_dates.txt'] = 'service_id,date,exception_type\nWD,20261124,1\n';
    const feed = parseFeed(files);
    expect(feed.calendars).toEqual([]);
    expect(feed.frequencies).toEqual([]);
    expect(feed.transfers).toEqual([]);
    expect(feed.shapes).toEqual([]);
    expect(feed.trips.every((t) => t.shapeId === undefined)).toBe(true);
    expect(feed.feedInfo).toBeUndefined();
  });

  it('reads shapes.txt in shape_pt_sequence order whatever the row order, and the trips that name them', () => {
    const files = smallFeed();
    files['trips.txt'] = 'route_id,service_id,trip_id,shape_id\nR1,WD,T1,SH1\nR1,WD,T2,\n';
    files['shapes.txt'] = [
      'shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence,shape_dist_traveled',
      'SH1,-1.96,30.08,30,3000',
      'SH1,-1.9401,30.0401,1,0',
      'SH1,-1.95,30.06,12,1500.5',
    ].join('\n');
    const feed = parseFeed(files);
    expect(feed.trips.map((t) => t.shapeId)).toEqual(['SH1', undefined]);
    expect(feed.shapes).toEqual([
      {
        id: 'SH1',
        points: [
          { lat: -1.9401, lon: 30.0401, sequence: 1, distTraveled: 0 },
          { lat: -1.95, lon: 30.06, sequence: 12, distTraveled: 1500.5 },
          { lat: -1.96, lon: 30.08, sequence: 30, distTraveled: 3000 },
        ],
      },
    ]);
  });

  it('reads frequencies, transfers with min_transfer_time and feed_info', () => {
    const files = smallFeed();
    files['frequencies.txt'] =
      'trip_id,start_time,end_time,headway_secs,exact_times\nT1,06:00:00,09:00:00,600,0\n';
    files['transfers.txt'] =
      'from_stop_id,to_stop_id,transfer_type,min_transfer_time\nS1,S1,2,120\nS3,S1,0,\n';
    files['feed_info.txt'] =
      'feed_publisher_name,feed_publisher_url,feed_lang\nKigaliGo,https://example.rw,en\n';
    const feed = parseFeed(files);
    expect(feed.frequencies[0]).toEqual({
      tripId: 'T1',
      start: 21600,
      end: 32400,
      headwaySecs: 600,
      exactTimes: false,
    });
    expect(feed.transfers[0]).toMatchObject({
      fromStopId: 'S1',
      toStopId: 'S1',
      type: 2,
      minTransferTime: 120,
    });
    expect(feed.feedInfo?.publisherName).toBe('KigaliGo');
  });
});

describe('parseFeed refuses a malformed feed, naming file, line and problem', () => {
  it('throws a FeedError whose message lists every issue', () => {
    const files = smallFeed();
    delete files['agency.txt'];
    delete files['routes.txt'];
    expect(() => parseFeed(files)).toThrow(FeedError);
    try {
      parseFeed(files);
    } catch (e) {
      expect((e as FeedError).message).toContain('agency.txt: required file is missing');
      expect((e as FeedError).message).toContain('routes.txt: required file is missing');
    }
  });

  it('a missing calendar', () => {
    expect(issuesOf((f) => delete f['calendar.txt'])).toContainEqual({
      file: 'calendar.txt',
      line: 0,
      message: 'calendar.txt or calendar_dates.txt is required',
    });
  });

  it('a missing required column', () => {
    const issues = issuesOf((f) => replace(f, 'stop_times.txt', 'stop_sequence', 'seq'));
    expect(issues).toContainEqual({
      file: 'stop_times.txt',
      line: 1,
      message: 'missing required column stop_sequence',
    });
  });

  it('bad values: coordinates, times, dates, enums', () => {
    const issues = issuesOf((f) => {
      replace(f, 'stops.txt', '-1.95,30.06', '-95,30.06');
      replace(f, 'stop_times.txt', '08:20:00,08:20:00', '08:20,08:20');
      replace(f, 'calendar.txt', '20261231', '20261331');
      replace(f, 'routes.txt', ',3', ',bus');
    });
    expect(issues).toContainEqual({
      file: 'stops.txt',
      line: 4,
      message: 'stop_lat "-95" is not a number in [-90, 90]',
    });
    expect(issues).toContainEqual({
      file: 'stop_times.txt',
      line: 4,
      message: 'arrival_time "08:20" is not a time HH:MM:SS',
    });
    expect(issues).toContainEqual({
      file: 'calendar.txt',
      line: 2,
      message: 'end_date "20261331" is not a date YYYYMMDD',
    });
    expect(issues).toContainEqual({
      file: 'routes.txt',
      line: 2,
      message: 'route_type "bus" is not an integer in [0, ∞]',
    });
  });

  it('collects problems from several files at once', () => {
    const issues = issuesOf((f) => {
      replace(f, 'trips.txt', 'R1,WD,T2', 'R9,XX,T2');
      f['stops.txt'] += '\nS3,Again,-1.9,30.1,,';
    });
    expect(issues.map((i) => `${i.file}:${i.line}`).sort()).toEqual([
      'stops.txt:6',
      'trips.txt:3',
      'trips.txt:3',
    ]);
    expect(issues.map((i) => i.message)).toContain('route_id "R9" is not in routes.txt');
    expect(issues.map((i) => i.message)).toContain('duplicate id "S3"');
  });

  it('stop_times that go back in time, repeat a sequence, or name unknown trips and stops', () => {
    const back = issuesOf((f) =>
      replace(f, 'stop_times.txt', 'T2,25:05:00,25:05:00', 'T2,23:55:00,23:55:00'),
    );
    expect(back).toContainEqual({
      file: 'stop_times.txt',
      line: 7,
      message: 'trip T2 goes back in time at stop_sequence 3',
    });
    const dup = issuesOf((f) => replace(f, 'stop_times.txt', 'S3,3', 'S3,2'));
    expect(dup.map((i) => i.message)).toContain('trip T1 repeats stop_sequence 2');
    const unknown = issuesOf((f) => {
      f['stop_times.txt'] += '\r\nT9,08:00:00,08:00:00,S1,1\r\nT9,08:05:00,08:05:00,NOPE,2';
    });
    expect(unknown.map((i) => i.message)).toEqual(
      expect.arrayContaining(['trip_id "T9" is not in trips.txt', 'stop_id "NOPE" is not in stops.txt']),
    );
  });

  it('departure before arrival, an untimed last stop, a one-stop trip, a trip with no stop_times', () => {
    const dep = issuesOf((f) => replace(f, 'stop_times.txt', '24:10:00,24:11:00', '24:11:00,24:10:00'));
    expect(dep).toContainEqual({
      file: 'stop_times.txt',
      line: 6,
      message: 'departure_time is before arrival_time',
    });
    const last = issuesOf((f) => replace(f, 'stop_times.txt', 'T1,08:20:00,08:20:00', 'T1,,'));
    expect(last.map((i) => i.message)).toContain('last stop of trip T1 has no time');
    const one = issuesOf((f) => {
      f['trips.txt'] += 'R1,WD,T3\n';
      f['stop_times.txt'] += '\r\nT3,09:00:00,09:00:00,S1,1';
    });
    expect(one.map((i) => i.message)).toContain('trip T3 has fewer than two stop_times');
    const none = issuesOf((f) => {
      f['trips.txt'] += 'R1,WD,T4\n';
    });
    expect(none).toContainEqual({ file: 'trips.txt', line: 4, message: 'trip T4 has no stop_times' });
  });

  it('parent stations: unknown, not a station, a station with a parent, a stop_time at a station', () => {
    const issues = issuesOf((f) => {
      f['stops.txt'] +=
        '\nS4,X,-1.9,30.1,0,NOPE\nS5,Y,-1.9,30.1,0,S2\nP2,Z,-1.9,30.1,1,P\nE1,Entrance,-1.9,30.1,2,';
      replace(f, 'stop_times.txt', 'T1,08:00:00,08:00:00,S1,1', 'T1,08:00:00,08:00:00,P,1');
    });
    const msgs = issues.map((i) => i.message);
    expect(msgs).toEqual(
      expect.arrayContaining([
        'parent_station "NOPE" is not a stop in stops.txt',
        'parent_station "S2" is not a station (location_type 1)',
        'station P2 cannot have a parent_station',
        'parent_station is required for location_type 2',
        'stop_id "P" is a station or entrance, not a stop (location_type 1)',
      ]),
    );
  });

  it('frequencies and transfers', () => {
    const issues = issuesOf((f) => {
      f['frequencies.txt'] =
        'trip_id,start_time,end_time,headway_secs\nT1,09:00:00,06:00:00,600\nT9,06:00:00,07:00:00,0\n';
      f['transfers.txt'] = 'from_stop_id,to_stop_id,transfer_type,min_transfer_time\nS1,S3,2,\nS1,NOPE,0,\n';
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: 'frequencies.txt', line: 2, message: 'end_time is not after start_time' },
        { file: 'frequencies.txt', line: 3, message: 'headway_secs "0" is not an integer in [1, ∞]' },
        { file: 'transfers.txt', line: 2, message: 'min_transfer_time is required when transfer_type is 2' },
        { file: 'transfers.txt', line: 3, message: 'stop "NOPE" is not in stops.txt' },
      ]),
    );
  });

  it('shapes: an unknown shape_id, a repeated or backwards sequence, bad coordinates, a one-point shape', () => {
    const issues = issuesOf((f) => {
      f['trips.txt'] = 'route_id,service_id,trip_id,shape_id\nR1,WD,T1,SH1\nR1,WD,T2,NOPE\n';
      f['shapes.txt'] = [
        'shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence,shape_dist_traveled',
        'SH1,-1.94,30.04,1,0',
        'SH1,-1.95,30.06,2,900',
        'SH1,-1.95,30.07,2,950',
        'SH2,-1.94,30.04,1,0',
        'SH2,-1.95,30.06,2,900',
        'SH2,-1.96,30.08,3,400',
        'SH3,-91,30.04,1,',
        'SH3,-1.95,190,2,',
        'SH3,-1.95,30.06,x,',
        'SH4,-1.94,30.04,1,',
      ].join('\n');
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { file: 'trips.txt', line: 3, message: 'shape_id "NOPE" is not in shapes.txt' },
        { file: 'shapes.txt', line: 4, message: 'shape SH1 repeats shape_pt_sequence 2' },
        {
          file: 'shapes.txt',
          line: 7,
          message: 'shape SH2: shape_dist_traveled decreases at shape_pt_sequence 3 (400 < 900)',
        },
        { file: 'shapes.txt', line: 8, message: 'shape_pt_lat "-91" is not a number in [-90, 90]' },
        { file: 'shapes.txt', line: 9, message: 'shape_pt_lon "190" is not a number in [-180, 180]' },
        { file: 'shapes.txt', line: 10, message: 'shape_pt_sequence "x" is not an integer in [0, ∞]' },
        { file: 'shapes.txt', line: 11, message: 'shape SH4 has fewer than two points' },
      ]),
    );
    // The trip naming a shape with a problem refers to a known id: only the shape's own problem is reported.
    expect(issues.filter((i) => i.message.includes('"SH1"'))).toEqual([]);
  });

  it('a shapes.txt without a required column', () => {
    const issues = issuesOf((f) => {
      f['shapes.txt'] = 'shape_id,shape_pt_lat,shape_pt_lon\nSH1,-1.94,30.04\n';
    });
    expect(issues).toContainEqual({
      file: 'shapes.txt',
      line: 1,
      message: 'missing required column shape_pt_sequence',
    });
  });

  it('a row with more fields than the header', () => {
    const issues = issuesOf((f) => replace(f, 'routes.txt', 'Park–End,3', 'Park–End,3,extra'));
    expect(issues).toContainEqual({ file: 'routes.txt', line: 2, message: '6 fields, header has 5' });
  });
});
