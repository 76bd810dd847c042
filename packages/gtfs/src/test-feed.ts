/** A tiny valid feed for tests, as file name → text; tests edit one file to make each failure case. */
export function smallFeed(): Record<string, string> {
  return {
    'agency.txt':
      'agency_id,agency_name,agency_url,agency_timezone\nA,Test Bus,https://example.rw,Africa/Kigali\n',
    'stops.txt': [
      'stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station',
      'P,Park,-1.94,30.04,1,',
      'S1,Park platform,-1.9401,30.0401,0,P',
      'S2,Middle,-1.95,30.06,,',
      'S3,End,-1.96,30.08,0,',
    ].join('\n'),
    'routes.txt': 'route_id,agency_id,route_short_name,route_long_name,route_type\nR1,A,101,Park–End,3\n',
    'trips.txt': 'route_id,service_id,trip_id\nR1,WD,T1\nR1,WD,T2\n',
    'stop_times.txt': [
      'trip_id,arrival_time,departure_time,stop_id,stop_sequence',
      'T1,08:00:00,08:00:00,S1,1',
      'T1,,,S2,2',
      'T1,08:20:00,08:20:00,S3,3',
      'T2,23:50:00,23:50:00,S1,1',
      'T2,24:10:00,24:11:00,S2,2',
      'T2,25:05:00,25:05:00,S3,3',
    ].join('\r\n'),
    'calendar.txt':
      'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nWD,1,1,1,1,1,0,0,20260101,20261231\n',
  };
}

/**
 * A feed in Europe/Berlin (daylight saving: 2026-03-29 and 2026-10-25 are the change days) for the time-zone
 * tests: stops A → B 5 km apart; a tram (extended route_type 900) every hour from 00:00 to 30:00 by
 * frequencies, 10 minutes A → B; a subway (extended 401) at listed half hours, 15 minutes, on Monday–Saturday
 * service, added on Sunday 2026-03-29 and removed on Saturday 2026-10-24 by calendar_dates.
 */
export function berlinFeed(): Record<string, string> {
  const subway = ['00:30:00', '01:30:00', '02:30:00', '03:30:00', '22:30:00', '24:30:00', '25:30:00'];
  const plus = (t: string, mins: number) => {
    const [h, m] = t.split(':').map(Number) as [number, number];
    const total = h * 60 + m + mins;
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}:00`;
  };
  return {
    'agency.txt':
      'agency_id,agency_name,agency_url,agency_timezone\nBVG,Test Berlin,https://example.de,Europe/Berlin\n',
    'stops.txt': 'stop_id,stop_name,stop_lat,stop_lon\nA,Alpha,52.5,13.4\nB,Beta,52.545,13.4\n',
    'routes.txt':
      'route_id,agency_id,route_short_name,route_long_name,route_type\nM1,BVG,M1,Tram,900\nU1,BVG,U1,Subway,401\n',
    'trips.txt': [
      'route_id,service_id,trip_id,direction_id',
      'M1,ALL,M1-F,0',
      ...subway.map((_, i) => `U1,SUB,U1-${i},0`),
    ].join('\n'),
    'stop_times.txt': [
      'trip_id,arrival_time,departure_time,stop_id,stop_sequence',
      'M1-F,00:00:00,00:00:00,A,1',
      'M1-F,00:10:00,00:10:00,B,2',
      ...subway.flatMap((t, i) => [`U1-${i},${t},${t},A,1`, `U1-${i},${plus(t, 15)},${plus(t, 15)},B,2`]),
    ].join('\n'),
    'frequencies.txt':
      'trip_id,start_time,end_time,headway_secs,exact_times\nM1-F,00:00:00,30:00:00,3600,1\n',
    'calendar.txt': [
      'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date',
      'ALL,1,1,1,1,1,1,1,20260101,20261231',
      'SUB,1,1,1,1,1,1,0,20260101,20261231',
    ].join('\n'),
    'calendar_dates.txt': 'service_id,date,exception_type\nSUB,20260329,1\nSUB,20261024,2\n',
    'feed_info.txt':
      'feed_publisher_name,feed_publisher_url,feed_lang,feed_version\nTest,https://example.de,de,berlin-1\n',
  };
}
