/** Keyword rules of the severity assessment (severity.ts), English and Kinyarwanda. */

/**
 * Term notation (matched against lower-cased text without accents, split into words):
 *   `word`      the whole word
 *   `stem*`     a word starting with it
 *   `*infix*`   a word containing it — Kinyarwanda verbs carry subject, tense and object prefixes
 *               (gukubita "to hit" → yankubise "he hit me"), so their stems are matched inside words
 *   `two words` the words in sequence
 *
 * Kinyarwanda sources: the verbs and nouns are as used in Rwandan news and official texts — e.g. RIB on marital
 * rape "bafata abagore babo ku ngufu" (rwandayacu.com), a Kigali moto crash "impanuka … barakomereka … Bitaro
 * bya CHUK … imbangukiragutabara" (yegob.rw), "Polisi y'u Rwanda" and "banyoye ibisindisha" (inyarwanda.com),
 * "ubujura", "abajura" (indorerwamo.com, inyarwanda.com), "bamukubita" (gahunde.org), and the gender-based
 * violence law's "ihohoterwa rishingiye ku gitsina" (Law 59/2008). Uncertain terms are marked where they appear;
 * a fluent speaker should review this list before it is relied on.
 */
export interface KeywordRule {
  rule: string;
  points: number;
  what: string;
  en: readonly string[];
  rw: readonly string[];
}

export const keywordRules: readonly KeywordRule[] = [
  {
    rule: 'keyword.sexual_violence',
    // Critical on its own: these reports go to the authorities whatever the category.
    points: 70,
    what: 'sexual violence',
    en: [
      'rape',
      'raped',
      'raping',
      'rapist',
      'sexual assault',
      'sexually assaulted',
      'molest*',
      'grope*',
      'groping',
    ],
    rw: [
      // gufata ku ngufu "to take by force" = to rape (yamfashe ku ngufu "he raped me"); "ku ngufu" alone also
      // means "by force" in general, which is serious enough to keep.
      'ku ngufu',
      // gusambanya: to have sex with (used for defilement: gusambanya umwana).
      '*sambany*',
      // ihohoterwa rishingiye ku gitsina: gender-based violence.
      'ku gitsina',
    ],
  },
  {
    rule: 'keyword.confinement',
    points: 70,
    what: 'kidnapping or being held',
    en: [
      'kidnap*',
      'abduct*',
      'locked the door*',
      'locked me',
      'would not let me',
      "wouldn't let me",
      'held me',
    ],
    // gushimuta: to kidnap (yanshimuse "he kidnapped me"). Uncertain: the perfective stem is from grammar, not
    // from a corpus we could check.
    rw: ['*shimut*', '*shimus*'],
  },
  {
    rule: 'keyword.weapon',
    points: 45,
    what: 'a weapon',
    en: ['knife', 'knives', 'gun', 'guns', 'pistol', 'machete', 'weapon*', 'stab', 'stabbed', 'stabbing'],
    // icyuma: knife, but also "metal/iron" — it may fire on a complaint about the vehicle's bodywork.
    // imbunda: gun; umuhoro: machete; inkota: sword.
    rw: ['icyuma', 'imbunda', 'umuhoro', 'inkota'],
  },
  {
    rule: 'keyword.physical_violence',
    points: 35,
    what: 'physical violence',
    en: [
      'hit',
      'hits',
      'hitting',
      'beat',
      'beaten',
      'beating',
      'punch*',
      'slap*',
      'kick*',
      'assault*',
      'attack*',
      'chok*',
      'strangl*',
    ],
    // gukubita: to hit/beat (yankubise "he hit me", bamukubita "they beat him"); urugomo: violent assault;
    // ihohotera: violence/abuse.
    rw: ['*kubit*', '*kubis*', 'urugomo', '*hohoter*'],
  },
  {
    rule: 'keyword.injury',
    points: 25,
    what: 'injury or blood',
    en: ['blood', 'bleeding', 'bled', 'injur*', 'wound*', 'hospital', 'unconscious', 'ambulance'],
    // amaraso: blood; gukomereka: to be injured (barakomereka), gukomeretsa: to injure; ibitaro: hospital;
    // imbangukiragutabara: ambulance; kuvunika: to break (a bone).
    rw: ['amaraso', '*komerek*', '*komerets*', '*bitaro*', 'imbangukiragutabara', '*vunik*', '*vunits*'],
  },
  {
    rule: 'keyword.threat',
    points: 20,
    what: 'a threat',
    en: ['threat*', 'intimidat*', 'kill me', 'kill you', 'kill her', 'kill him'],
    // ubwoba: fear (gutera ubwoba "to frighten, threaten"; iterabwoba "terror"); kwica: to kill (whole words
    // only: kwicara "to sit" starts the same), azanyica "he will kill me".
    rw: ['*bwoba*', 'kwica', 'kunyica', 'azanyica', 'anyica'],
  },
  {
    rule: 'keyword.theft',
    points: 15,
    what: 'theft',
    en: [
      'stole',
      'stolen',
      'steal*',
      'theft',
      'thief',
      'thieves',
      'rob',
      'robbed',
      'robbery',
      'mugged',
      'pickpocket*',
    ],
    // kwiba: to steal (yanyibye "he stole from me", yibwe "was stolen"); ubujura: theft; umujura/abajura: thief.
    rw: ['kwiba', '*nyibye*', 'yibye', 'yibwe', 'nibwe', '*bujura*', '*mujura*', '*bajura*'],
  },
  {
    rule: 'keyword.crash',
    points: 15,
    what: 'a crash',
    en: ['accident*', 'crash*', 'collision', 'collided', 'knocked down', 'ran over', 'fell off'],
    // impanuka: accident; kugonga: to run into (yangonze "he hit me" with a vehicle), kugongana: to collide.
    rw: ['*mpanuka*', '*gonga*', '*gonze*', '*gonzw*'],
  },
  {
    rule: 'keyword.impaired_driving',
    points: 10,
    what: 'drunk or dangerous driving',
    en: ['drunk', 'alcohol', 'speeding', 'too fast'],
    // gusinda: to be drunk (yasinze "he was drunk"); ibisindisha: intoxicants; umuvuduko: speed.
    rw: ['*sinze*', '*sindish*', '*muvuduko*'],
  },
  {
    rule: 'keyword.distress',
    points: 10,
    what: 'a call for help or the police',
    en: ['help', 'emergency', 'police', 'sos', 'scared', 'afraid'],
    // ubufasha: help; gutabara: to come to the rescue ("tabara!", ntabara "save me"), ubutabazi: rescue/first
    // aid; polisi: police.
    rw: ['ubufasha', '*tabar*', '*tabaz*', 'polisi'],
  },
];
