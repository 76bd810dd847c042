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
