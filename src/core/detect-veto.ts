// Readings a careful reader rejects, whatever the models score: sentences whose words belong to a
// category but whose statement does not. Each pattern comes from a reader's verdicts on flags in
// real terms and privacy texts (data/reader-checks/); every one is a statement about something
// else — a condition on the user, another contract's mechanics, a generic explanation — so the
// sentence is simply not a clause of that category (it may still be one of another). Pure.

/** An age condition on the user ("you must be at least 13 years old to use the Services", "you
 * must have your parent's permission", "persons under 18 are prohibited from registering"). */
const AGE_CONDITION = /\b(must|need to|have to|are required to|should) be (at least |over |older than |more than )?(\d+|of (legal|the required|full) age|the age of (majority|consent)|an adult|old enough)\b|\bunder the (minimum )?age\b[^.;]{0,80}\b(must|need|may not|cannot|can't|are not (allowed|permitted))\b|\b(must|need to) (have|get|obtain) (your |their |the )?(parent|guardian)|\bprohibited from (registering|using|creating|accessing)\b|\b(represent|warrant|confirm)s?( and (warrant|represent))? that you are (at least |over |more than )?(\d+|of legal age|an adult)/;
/** A parent's responsibility for the child's use ("Please ask your parent or legal guardian to
 * read these terms with you", "you're responsible for your child's activity"). */
const PARENT_RESPONSIBLE = /\bask your parent\b|\bhave your parent (or (legal )?guardian )?(fill|complete|submit)\b|\b(you'?re|you are) responsible for (your|the) child'?s?\b/;
/** An age limit on the service's audience ("not directed to children under the age of 13",
 * "No person under the age of 18 may use this website…"). */
const AGE_LIMIT = /\b(under|over|below|younger than|older than) (the age of |age )?(\d+|eighteen|sixteen|thirteen)\b|\bage of (majority|consent|\d+)\b|\bnot (directed|intended|targeted)\b[^.;]{0,40}\b(children|minors|kids)\b/;
/** A minor's capacity to accept the terms ("…you must have reviewed these Terms with your parent or
 * guardian and they have agreed to be bound by these Terms", "By accepting the Terms of Use, You
 * confirm that You are over 18 years of age, or have the consent of a parent"): who is bound by a
 * contract, not what happens to a child's data. */
const CONTRACT_CAPACITY = /\b(legally )?able to form (a )?(legally )?(binding )?contracts?\b|\b(be|are|is) bound by (these|this|the)\b|\bagreed? to (be bound by )?(these|this|the) (terms|agreement|conditions)\b|\baccept(ing)? (and agree to )?(these|this|the) (terms|agreement)\b|\breview(ed)? (these|this|the) (terms|agreement)\b|\b(form|enter into) (a )?(legally )?(binding )?(contracts?|agreements?)\b/;
/** A conduct rule about minors ("4. to harm minors in any way…", "Soliciting personally
 * identifiable information from anyone under the age of 18 … for an illegal purpose"). */
const MINOR_CONDUCT = /\b(harm|exploit\w*|pornograph\w*|abus\w*|groom\w*|solicit\w*)\b[^.;]{0,120}\b(minors?|children|child|under the age)\b|\b(illegal|unlawful) purpose\b/;
const COLLECTS = /\b(collect\w*|process\w*|personal (data|information))\b/;
/** A request made for a child ("You may also make a verifiable consumer request on behalf of your
 * minor child"): a rights procedure. */
const ON_BEHALF_OF_CHILD = /\brequests? on behalf of your (minor )?child(ren)?\b/;
/** …unless it speaks of children's data ("we do not knowingly collect information from children"). */
const ABOUT_DATA = /\b(collect\w*|information|data|personal|knowingly|process\w*|delete\w*)\b/;

/** The user's rights in a dispute or over a moderation decision, not over their data. */
const NOT_DATA_RIGHT = /\bit is your responsibility to\b|\brequest a review of (our|the) decision\b|\b(cancel|change|stop|turn off)\b[^.;]{0,60}\b(subscriptions?|auto(matic(ally)?)?[- ]?renew\w*)\b|\bold enough to consent\b|\bwe may (at any time |also )?(require|ask) you to (provide|verify|submit|confirm)\b|\bright of withdrawal\b|\bwithdraw(al)? from (this|the) (contract|purchase|order)\b|\bcooling[- ]off\b|\barbitrat\w*|\bclass[- ]action|\bjury\b|\b(challenge|appeal|contest)\b[^.;]{0,60}\b(decision|removal|removed|suspension|moderation)\b/;

const BROWSER_CONTROL = /\b(browsers?|cookie settings|cookie preferences|cookies?|technologies)\b/;
const RIGHT_WORDS = /\b(rights?|request\w*|erasure|rectif\w*|portab\w*|access to your|delete your (data|information|account)|object to)\b/;
/** Requests that are not about the user's data: a paper copy of a notice, a copyright complaint to a
 * designated agent, help from the community. */
const NOT_DATA_REQUEST = /\bpaper cop(y|ies)\b|\b(copyright|dmca|trademarks?|designated agent)\b|\bmembers of the community\b/;

/** Terms surviving an account, a licence ending, limitation periods: time, but not of data. */
const NOT_RETENTION = /\b(surviv\w+|still apply|continue to apply|remain in (full )?(force|effect))\b|\blicen[cs]e\b[^.;]{0,40}\b(ends?|terminates?|expires?)\b|\blimitations? periods?\b|\bstatutes? of limitations?\b|\btoll(ed|ing)\b/;

/** A decision about the person, not automated processing of content. */
const DECISION = /\b(decisions?|decide[sd]?|profil\w*|eligib\w*|scor(e|es|ed|ing)|approv\w*|reject\w*|den(y|ies|ied|ial)|legal (or similarly )?significant|solely)\b/;

/** Content made public or visible to other users, search engines finding it: what the user
 * publishes, not the service handing data to third parties. */
const PUBLIC_CONTENT = /\b(publicly (perform|display|visible|available|accessible)|(made|make|set) (it|them|your content|your profile)? ?(visible|public)|visible to (others|other users|everyone|anyone|the public)|(can|may|will) be (viewed|seen|accessed) by\b[^.;]{0,40}\b(users|public|anyone|everyone|others)|post(ed)? publicly|search engines?|with your friends or the public|for others to see|public profiles?|(is|are|will be) public)\b/;
const RECIPIENTS = /\b(partners?|advertis\w*|affiliates?|service providers?|vendors?|sell|sold|processors?)\b/;
// (Third parties collecting through their own cookies stay sharing: the labelled set counts them,
// and under the CCPA making data available to them for advertising is "sharing".)

/** A business customer's duty to tell its own users ("publishers must have a privacy policy that
 * discloses that third parties may be placing cookies", "2. disclose to End Users in an online
 * privacy notice…"): the practice is theirs, and the sentence is a contract term about notices. */
const CUSTOMER_NOTICE_DUTY = /^(\(?\d+[.)]\s*|\(?[a-z][.)]\s*)?(((?!we |our )[a-z0-9'&-]+ ){0,3}(you|publishers?|customers?|developers?|licensees?|advertisers?|partners?|merchants?|the (publisher|customer|developer|licensee|advertiser|merchant))\b[^.;]{0,60}\b(must|shall|agree to|are required to|will)\b|((clearly|prominently|conspicuously) )?(disclose|discloses|post|provide|maintain|include|display|explain|explains|state|states|inform|informs)\b)[^.;]{0,160}\b(privacy (policy|notice|statement)|notice to (your )?(end )?users)\b/;

/** A duty or prohibition on the user or a business party ("The Streamer shall not retain any copies
 * of the Company Materials", "Do not sell, share, transfer, or sublicense them", "You will comply
 * with industry standard security measures"): a contract term about what they do with data, not
 * the service's own practice with the user's data. */
const PARTY_DUTY = /^(\(?[0-9a-z]{1,3}(\.\d+)*[.)]\s*)?(if [^,;]{1,120}, (then )?)?((the |each |any )?(you|users?|members?|customers?|streamers?|developers?|partners?|licensees?|publishers?|advertisers?|merchants?|sellers?|buyers?|clients?|subscribers?|contractors?|test profiles?|recipients?|receiving party)\b[^.;]{0,50}\b(must|shall|will comply|agrees? (not )?to|are required to|(also )?need to|undertakes?|may only|may not|will not)\b|(do not|don't|never) [a-z]+, [a-z]+|(give|provide|post|obtain|get) ((clear|prominent|conspicuous|appropriate|and) )*(notice|instructions|consent)\b)/;

/** What a cookie or identifier is, in general ("Cookies may store user preferences…", "For example,
 * unique identifiers stored in cookies help sites display content…"): no practice of the service. */
const GENERIC_TECH = /^((for example|for instance|e\.g\.),? |like cookies,? )?(the )?(resettable device identifiers|other technologies|these other technologies|cookies?|pixel tags?|pixels|web beacons?|clear gifs|unique identifiers?|(local|browser) storage|these technologies|such technologies|sdks?)\b/;
const WE = /\b(we|us|our|ours)\b/;
/** "Web beacons … may be used to count visitors": the passive voice of the service's own use. */
const USED = /\b(be|are|is|being) used\b(?! (like|similarly to|in the same way))/;
/** Other websites' own cookies, behind a link: their tracking, not the service's. */
const OTHER_SITES = /\b(other|linked|external|third[- ]party) (web ?sites?|sites|services|apps)\b[^.;]{0,80}\b(their own|own)\b/;

/** A carve-out from a liability limit ("Nothing in these terms limits our liability for death or
 * personal injury…", "This limitation of liability does not apply to damages resulting from loss of
 * life…"): part of the liability clause (CLAUDETTE's tagged spans include it), but what it says
 * protects the user — shown as the clause's good side, never as a concern. */
// Only where the carve-out is the sentence's own statement: a sentence that limits liability and
// then carves out death or fraud is a liability limit.
const CARVE_OUT = /\b(is|are|shall be|will be|remains?) (liable without limitation|unrestricted(ly)? liable|liable without restriction)\b|\bunlimited liability\b|^([a-z0-9().-]+ )?(specifically,? )?(these|this|the) (terms|agreement|section)( of (service|use))? (do not|don't|does not|doesn't|shall not|will not) (limit|exclude)\b|^([a-z0-9().-]+ )?(however,? |but |notwithstanding [^,;]{0,80}, |solely [^,;]{0,80}, |except [^,;]{0,80}, |subject to [^,;]{0,80}, )?(nothing in (these|this|the)\b[^.;]{0,60}\b(limits?|excludes?|exclue|affects?)\b|(this|these|the|such|any) ((above|foregoing) )?(limitations?|exclusions?|disclaimers?)( of liability)?( (set out|provisions?|above|in this section))? (does|do|shall|will) not (apply|limit|exclude)\b|if your (state|country|jurisdiction) does not allow (these|such|the)\b)/;

/** The provider indemnifying the user ("Kick will at all times indemnify, defend, and hold harmless
 * the Streamer…"), not the user indemnifying the provider. */
const INDEMNIFIES_USER = /^(?!(\(?[0-9a-z.]{1,6}[.)]\s*)?(subject to [^,]{1,40}, )?(you|the (user|customer|streamer|member|licensee|client|subscriber|developer))\b)[^;]{0,80}\b(will|shall|agrees? to)( at all times)? (indemnify|defend)\b[^.;]{0,50}\b(you|(the )?(streamer|user|customer|member|subscriber|client|licensee|developer))\b/;

/** The glossed attributes of a licence ("non-exclusive, which means that you can licence your
 * content to others"): an explanation of the grant, not the grant. */
const LICENCE_GLOSS = /^(worldwide|world-wide|non-exclusive|royalty-free|sub-?licensable|transferable|perpetual|irrevocable|revocable)\b[^.;]{0,30}\bwhich means\b/;

/** The procedure for opting out of arbitration ("Any Opt-Out Notice will be effective only if…",
 * "Such notification must include… a statement that you do not wish to resolve disputes…"): the
 * user's way out of the waiver, not the waiver. */
const WAIVER_OPT_OUT = /\bopt[- ]?out\b|\bdo not wish to (resolve|arbitrate|be bound)\b|\bnotification must include\b/;
/** What happens if part of a section is unenforceable: severability, not the waiver. */
const SEVERABILITY = /\b(unenforceable|invalid|unlawful|illegal)\b[^.;]{0,120}\bsever\w*/;
/** Outside privacy policies, retention is of data: a billing period, a withdrawal deadline or
 * keeping a free membership is not. */
const RETAINED_THING = /\b(data|information|info|content|records?|logs?|cop(y|ies)|backups?|messages?|files?|history|materials?|details|recordings?|photos?|videos?|uploads?|posts?)\b/;

/** A mention of the waiver, not the waiver: its section's title or its enforceability as the
 * subject ("with the exception of the enforceability of the Class Action Waiver clause below",
 * "clause 11, "…Arbitrate on an Individual Basis", applies"), and the small-claims carve-out. */
const WAIVER_MENTION = /\b(enforceability|interpretation|scope|validity) of (the |this |that )?[^.;]{0,40}\b(class action waiver|prohibition of class)|"[^"]{0,80}\b(individual basis|class action waiver)\b[^"]{0,20}"|\bsmall claims court\b/;
/** A consumer's right to go to the courts where they live: the protective side of jurisdiction. */
const HOME_COURTS = /\byou (can|may) (also )?(file|bring|resolve|take|commence|start|pursue)\b[^.;]{0,140}\b(courts?|tribunals?)\b[^.;]{0,80}\b(where you (live|reside)|in which you (live|reside)|(country|state|place) (of|where) your (main |habitual |usual )?residence|your (local|home) courts?)\b|\byou (can|may) (also )?(file|bring)\b[^.;]{0,80}\b(in|before) (either )?the [a-z ]{3,30} courts\b/;

/** A survival list or an injunctive-relief carve-out that names indemnities among other sections. */
const NOT_INDEMNITY = /\bsurviv\w*\b|\binjunctive relief\b/;
/** A confidentiality duty between the parties, not disclosure to authorities. */
const CONFIDENTIALITY = /\bconfidential\w*\b|\b(each|either|neither|the receiving) party\b|\bthe parties\b/;
/** Either party may end the contract: mutual, not the provider's unilateral right. */
const MUTUAL_END = /^(\(?[0-9a-z]{1,3}(\.\d+)*[.)]\s*)?(either|each) party (may|can|shall have the right to|has the right to) terminate\b/;
/** A right over something other than the user's data or privacy (cancelling a delivery, leaving a
 * shipping programme, asking for a moderation decision to be reviewed); privacy policies are
 * exempt — there every right is about data. */
const DATA_OBJECT = /\b(data|information|info|account|profile|content|cookies?|consent|privacy|communications?|e-?mails?|newsletters?|marketing|ads?|advertis\w*|personali[sz]\w*|track\w*|history|messages?|photos?|locations?|contacts?|records?|cop(y|ies)|portab\w*|erasure|rectif\w*|processing|profiling|sale|sell|share|sharing|unsubscribe|object\w*|prospecting|alerts?|calls?|sms|texts?|feeds?|recommendations?|algorithm\w*)\b/;

/** Disclosure to authorities names them, or the law that makes it: "To protect our property or
 * rights or the safety of our employees…" alone is a purpose, not government access. */
const AUTHORITY = /\b(law enforcement|government\w*|authorit\w*|police|courts?|subpoenas?|regulat\w*|public (bodies|agencies)|agency|agencies|judicial|legal (process|request|obligation|requirement)s?|warrants?|national security|tax|laws?|legally|lawful\w*|legislation|official)\b/;
/** An automated decision is made by a machine: profiling for advertising alone is not one. */
/** A prohibition on the user's own use ("you agree that you will not use the AI services…"). */
const USER_MAY_NOT_USE = /\byou (agree (that )?you )?(will|shall|may|must) not (use|employ|deploy)\b/;
/** An item of a numbered or bulleted list that names a purpose ("5. For the assessment of…",
 * "1. To make decisions…"): outside privacy policies and without the service as its subject, the
 * items of a list of uses. */
const PURPOSE_ITEM = /^(\(?[0-9a-z]{1,3}[.)]\s*|[•*·▪-]\s*)(for|to) /;
const AUTOMATED = /\b(automat\w*|algorithm\w*|solely|machine|artificial intelligence|ai)\b/;

/** An indemnity is someone undertaking to indemnify or hold harmless: a liability cap that lists
 * "indemnification obligations" among its exceptions, or the procedure between "the indemnified
 * party" and "the indemnifying party", is not one. */
const INDEMNIFY_VERB = /\bindemnif(y|ies)\b|\bhold (us|[a-z]+) (and [^.;]{0,80})?harmless\b|\bhold harmless\b|\b(agree|agrees|undertake|undertakes) to (fully )?indemnif/;
/** Cookies the site needs to work, the one that remembers the cookie choice, and what blocking
 * cookies may break: none follows what the user does. */
const NECESSARY_COOKIES = /\b(strictly necessary|essential|necessary|required|session|functional(ity)?) cookies?\b|\bcookies? ((that|which|to) )?(are|is) (strictly )?(necessary|essential|required)\b|\bcookies?\b[^.;]{0,40}\b(record|remember|store|save)s? (if|whether) (a |the )?(user|you|visitor) (has|have) (accepted|agreed|consented)\b|\b(stores?|saves?|records?) (your |the )?(consent|cookie) (preferences?|choices?|settings)\b|\bcookies?\b[^.;]{0,60}\b(remember|record|store|save)s? (your |the )?(cookie )?(consent|choices?|preferences? (about|regarding|for) cookies)\b/;
const TRACKING_USE = /\b(analytic\w*|advertis\w*|ads?|marketing|third[- ]part\w*|track\w*|profil\w*|measur\w*|statistic\w*|personali[sz]\w*|targeted|performance|across|beacons?|pixels?)\b/;
const BLOCKING_BREAKS = /\b(disabl\w*|block\w*|reject\w*|refus\w*|delet\w*|turn\w* off|(do not|don't) (allow|accept))\b[^.;]{0,40}\bcookies?\b[^.;]{0,80}\b(may|might|will|could|can)\b[^.;]{0,40}\b(not (work|function)|affect\w*|prevent\w*|impair\w*|break|limit\w*|lose|unable|degrade\w*|not be able)\b/;
/** A change of prices or promotions alone is a payment term ("All prices displayed on the Store are
 * subject to change"), not a change of the terms or the service. */
/** A change of what the user pays ("We reserve the right to change the fees that we charge for the
 * Service…", "…modify the amount of the reserve", "add or change payment processors"). */
const PRICE_CHANGE = /\b(chang\w*|modif\w*|increas\w*|adjust\w*|revis\w*|add or change) (the |our |its |any |your )?(acceptable |accepted )?(fees?|prices?|pricing|rates?|charges?|subscription fees?|amount of the reserve|payment processors?|payment methods?)\b|\bestablish a reserve\b/;
/** No termination in a "termination" sentence: use limits, disposing of stock, withholding a
 * payment, the user's own right to end the contract. */
const TERMINATION_VERB = /\b(terminat\w*|suspen\w*|cancel\w*|discontinu\w*|clos(e|ed|es|ing|ure)|deactivat\w*|disabl\w*|end|ends|ending|ended|revok\w*|revocation|ban|bans|banned|banning|block\w*|remov\w*|delet\w*|restrict\w*|refus\w*|den(y|ied|ies|ial)|withdraw\w*|ceas\w*|interrupt\w*|prohibit\w*|bar|barred|expel\w*|kick\w*|lock\w*|freez\w*|stop\w*|exclu\w*|expir\w*|reclaim\w*)\b/;
const CHANGE_VERB = /\b(chang\w*|modif\w*|improv\w*|updat\w*|amend\w*|revis\w*|alter\w*)\b/;
/** "Our and your legal rights to … terminate this EULA for cause remain unaffected": preserved. */
const PRESERVED = /\bremains? unaffected\b|\bshall not be affected\b/;
/** A username reclaimed, a permission to link revoked: not the account or the service ending. */
const USERNAME = /^(?!.*\b(accounts?|terminat\w*|suspen\w*)\b).*\b(usernames?|user names?|handles?|permalinks?)\b/;
const REVOCABLE_PERMISSION = /\b(this|such|the) (limited )?(right|permission) (may|can|will) be revoked\b/;
/** A promotion or offer ending ("…to terminate or modify this promotion at any time"). */
const PROMOTION = /\b(this|the|any|a) (promotion|promotional offer|offer|contest|sweepstakes|giveaway)\b/;
const PAYMENT_HOLD = /\b(suspend|withhold|hold)\w* (any |all |the )?(payments?|payouts?|disbursements?|funds)\b/;
const YOUR_RIGHT_TO_END = /\byour right to (terminate|cancel|end)\b/;
/** The user's own right to leave, said of "the User", "Customers", "the Client" ("The Users may
 * terminate their Brevo account directly from the Site at any time"): not the provider ending it
 * (unless the sentence also says the provider may). */
const PARTY_ENDS = /^(\(?[0-9a-z]{1,3}(\.\d+)*[.)]\s*)?(if [^,;]{0,100}, )?(the )?(users?|customers?|clients?|members?|subscribers?|account holders?|consumers?|licensees?)( [a-z]+)? (can|may|are free to|is free to|ha(ve|s) the right to|(is|are|shall be) entitled to)( [a-z]+){0,3}? (cancel|deactivate|terminate|delete|close|end|stop using|unsubscribe)\b/;
const WE_END = /\b(we|us)\b[^.;]{0,60}\b(terminate|suspend|close|cancel|disable|delete)\b/;
/** A licence the user grants over their content ("you grant to Microsoft … a free and worldwide
 * right, to use, modify, … share and display Your Content"): a content licence, not the service
 * sharing the user's data. */
/** What others may do with what the user chose to share ("When you share Your Content with other
 * people, you understand that they may be able … to use, save, record…"): the user's sharing. */
const USER_SHARES = /^(\(?[0-9a-z]{1,3}[.)]\s*)?(when|if|where|whenever|once) you (choose to |decide to )?(share|post|publish|upload|make [a-z ]{0,20}public)\b/;
const LICENCE_GRANT = /\byou (hereby |also |further )*grant (to )?[^.;]{0,120}\b(licen[cs]e|right)s?,? to (use|host|store|reproduce|modify|copy|distribute|display|publish|share)\b/;
/** Correcting errors in what the site shows, a notice in a dispute: not a change of the terms. */
const ERROR_CORRECTION = /\bcorrect (any )?(errors|inaccuracies|omissions|mistakes)\b/;
const TERMS_WORDS = /\b(terms|agreement|polic(y|ies)|conditions)\b/;
const DISPUTE_NOTICE = /\bif (we|you) have a dispute\b|\bnotice of (a |the )?dispute\b/;
/** A release of the user's own claims ("you waive and hold harmless Hearst… from any claims"). */
const RELEASE = /\bwaive\b[^.;]{0,30}\bhold harmless\b/;
/** A consumer carve-out from the user's indemnity ("…your obligation to defend, indemnify, and hold
 * harmless Meta … shall only apply to the extent…"): protective. */
const INDEMNITY_LIMITED = /\b(obligations?|duty) to (defend|indemnify)\b[^;]{0,200}\b(shall|will) only (apply|extend)\b/;
const PRICE_ONLY = /\b(prices?|pricing|fees?|promotions?|promotional|discounts?|rates?|charges?)\b/;
const TERMS_OR_SERVICE = /\b(terms|agreement|polic(y|ies)|conditions|services?|features?|functionality|software)\b/;

const NOT_LIABLE = /\b(is|are|shall|will) not (be )?(liable|responsible)\b|\bno (liability|responsibility)\b/;

/** A sentence that sums up its section ("Changes to Terms of Use This section explains that our
 * Terms of Use may change from time to time"): the clause is the section's text, not its summary. */
const SECTION_SUMMARY = /\bthis (section|part|paragraph|clause) (explains|describes|makes (it )?clear|sets out|tells you|summari[sz]es|outlines|covers)\b/;

/** A quoted definition ("12.8 "End Users" means the individuals or entities…"). */
const QUOTED_DEFINITION = /^(\(?[0-9.]+[.)]?\s*)?["“'‘][^"”'’]{2,60}["”'’],? (means|refers to|shall mean|has the meaning|is defined as)\b/;

/** The business customer's own site or app, in a duty about notices ("b. clearly explains that
 * cookies … may be used on Your Site by third parties … and a link to our privacy policy"): a
 * contract term about their pages, not the service's practice with the user's data. */
const NOTICE_WORDS = /\b(explain\w*|disclos\w*|notice|inform\w*|privacy (policy|notice|statement))\b/;
const YOUR_PROPERTY = /\b(on|of|from|to|in) your (web ?sites?|sites?|apps?|applications?|propert(y|ies)|web ?pages?|domains?|games?|channels?)\b/;

/** A list item of prohibited or required conduct, without the service as subject ("2. Transferring,
 * selling, or using user data for serving ads…", "(7) engage in any conduct that is likely to cause
 * a security breach of your Account;"): a rule for the reader, not the service's practice. */
const CONDUCT_ITEM = /^(\(?[0-9a-z]{1,3}[.)]\s*|[•*·▪-]\s*)?((offer|transferr|sell|us|collect|harvest|solicit|shar|disclos|upload|post|transmitt|engag|attempt|access|interfer|circumvent|violat|stor|track|scrap|min|rent|leas|combin|link|re-identify|de-?anonymiz|target|profil|creat|mak|send|impersonat|harm)ing\b|to (harm|use|collect|harvest|solicit|sell|share|transfer|engage|attempt|access|interfere|circumvent|violate|upload|post|transmit|disclose|store|track)\b|(engage|attempt|harvest|solicit|circumvent|interfere|violate|use|access|collect|sell|transfer|disclose)\b)/;

/** Data coming in from others ("…collect personal information and may share some or all of this
 * information with us", "before giving us any of your information"): received, not shared. */
const INBOUND = /\b(share[sd]?|provide[sd]?|give[sn]?|giving|disclose[sd]?|send[s]?|pass(es)?|transfer(s|red)?)\b[^.;]{0,60}\b(with|to) us\b|\b(giving|providing|sending|passing) us\b/;
const WE_SHARE = /\bwe( may| will| also| might| can| do| sometimes)* (share|disclose|sell|provide|transfer|make available|give|pass)\b/;

/** Ads chosen by the page being viewed, not by the person: not targeted advertising. */
const CONTEXTUAL = /\bcontextual(ly)?\b/;
const PERSON_BASED = /\b(interests?|behavio\w*|profil\w*|personali[sz]\w*|based on your|about you|your (activity|activities|browsing|data|information))\b/;

/** Sensitive data is a practice with it ("we may collect health-related data…", "we process
 * biometric information…"), not a right to limit its use, a definition, or a plea not to send it. */
const SENSITIVE_PRACTICE = /\b(provid\w*|declin\w*|limit|collect\w*|process\w*|use[sd]?|using|shar(e|es|ed|ing)|disclos\w*|receiv\w*|obtain\w*|access\w*|stor(e|ed|es|ing)|infer\w*|ask\w*|sell|sold|transfer\w*|retain\w*|keep|kept)\b/;
const WE_DO_SENSITIVE = /\b(we|us|our service|our services)\b[^.;]{0,40}\b(collect\w*|process\w*|use[sd]?|using|shar(e|es|ed|ing)|disclos\w*|receiv\w*|obtain\w*|stor(e|ed|es|ing)|sell|sold|retain\w*|delete|erase)\b/;
const SENSITIVE_NOT = /\b(is|are) defined as\b|\b(also )?includes? data that\b|\bnot (to )?send\b|\bavoid sending\b|\bif you decline\b|\bnot responsible\b|\bplease (do not|don't)\b|\blearn more\b|\bwhere sensitive data\b[^.;]{0,60}\bis processed\b/;

/** A purpose-list item about notices ("To notify you of important changes to our Services…"). */
const NOTIFY_PURPOSE = /^[^a-z]*to (notify|inform|tell|contact|send|communicate with) you\b/;

const PRIVACY_PRACTICE = new Set(['tracking', 'targeted-advertising', 'data-sharing', 'marketing', 'data-sale', 'sensitive-data', 'retention', 'international-transfer']);

/** Whether `norm` (a normalised sentence) states something other than `category`, as a reader
 * judges it: the sentence must not be highlighted as that category. */
export function notThisCategory(category: string, norm: string, privacyDocument = false): boolean {
  if (SECTION_SUMMARY.test(norm) || QUOTED_DEFINITION.test(norm)) return true;
  switch (category) {
    case 'class-action-waiver':
      return WAIVER_OPT_OUT.test(norm) || SEVERABILITY.test(norm) || WAIVER_MENTION.test(norm);
    case 'indemnification':
      return NOT_INDEMNITY.test(norm) || RELEASE.test(norm) || CARVE_OUT.test(norm) || !INDEMNIFY_VERB.test(norm);
    case 'government-access':
      if (CONFIDENTIALITY.test(norm) || !AUTHORITY.test(norm)) return true;
      break;
    case 'unilateral-termination':
      if (!WE.test(norm) && CONDUCT_ITEM.test(norm)) return true;
      if (PROMOTION.test(norm) && !/\baccounts?\b/.test(norm)) return true;
      if (PARTY_ENDS.test(norm) && !WE_END.test(norm)) return true;
      return MUTUAL_END.test(norm) || PRESERVED.test(norm) || USERNAME.test(norm) || REVOCABLE_PERMISSION.test(norm) || !TERMINATION_VERB.test(norm) || PAYMENT_HOLD.test(norm) || YOUR_RIGHT_TO_END.test(norm);
    case 'childrens-data':
      // Readers split on age limits shown as the good side ("You must be at least 13 to use the
      // Services": one check of five rejected them, three accepted them); they stay. A parent's
      // responsibility is not about children's data, and outside privacy policies neither is a
      // conduct rule about minors or a train journey.
      if (CONTRACT_CAPACITY.test(norm) && !COLLECTS.test(norm)) return true;
      if (!privacyDocument && MINOR_CONDUCT.test(norm)) return true;
      if (ON_BEHALF_OF_CHILD.test(norm)) return true;
      if (ABOUT_DATA.test(norm)) return false;
      return PARENT_RESPONSIBLE.test(norm) || (!privacyDocument && !AGE_CONDITION.test(norm) && !AGE_LIMIT.test(norm));
    case 'user-rights':
      if (CONFIDENTIALITY.test(norm)) return true;
      // What browsers in general can be set to do is not a right the service gives ("Most browsers
      // are initially set up to accept cookies, but can typically be configured to block…").
      if (BROWSER_CONTROL.test(norm) && !RIGHT_WORDS.test(norm) && !/\b(you|your)\b/.test(norm)) return true;
      return NOT_DATA_RIGHT.test(norm) || (!privacyDocument && (!DATA_OBJECT.test(norm) || NOT_DATA_REQUEST.test(norm) || PARTY_DUTY.test(norm)));
    case 'retention':
      if (NOT_RETENTION.test(norm) || (!privacyDocument && !RETAINED_THING.test(norm))) return true;
      break;
    case 'automated-decisions':
      // What the user may not do with the service's AI ("you agree that you will not use the AI
      // services … 5. For the assessment of criminality risk … based solely on the profiling…"):
      // a rule of use, not decisions the service makes about the user.
      // (The service speaking of its own AI stays: "Our tools are not designed to make decisions
      // with legal effects, and you must not use them for such purposes.")
      if (!WE.test(norm) && (USER_MAY_NOT_USE.test(norm) || (!privacyDocument && PURPOSE_ITEM.test(norm)))) return true;
      return !DECISION.test(norm) || !AUTOMATED.test(norm);
    case 'content-license':
      return LICENCE_GLOSS.test(norm) || /\bsurviv\w*\b/.test(norm);
    case 'content-removal':
      // The user's own licence to virtual items ending is not the service removing content.
      return /\blicen[cs]e granted to you\b/.test(norm);
    case 'unilateral-change':
      return NOTIFY_PURPOSE.test(norm) || (ERROR_CORRECTION.test(norm) && !TERMS_WORDS.test(norm)) || DISPUTE_NOTICE.test(norm);
    case 'data-sharing':
      if (PUBLIC_CONTENT.test(norm) && !RECIPIENTS.test(norm)) return true;
      if (INBOUND.test(norm) && !WE_SHARE.test(norm)) return true;
      if (LICENCE_GRANT.test(norm) || USER_SHARES.test(norm)) return true;
      // Assigning the contract is not sharing the user's data.
      if (/\b(shall|may) not be assigned\b|\bassign (this|the) (agreement|contract)\b/.test(norm)) return true;
      break;
    case 'sensitive-data':
      // Only the service speaking of what it does ("We collect your device's precise location…",
      // "we will not use any of your sensitive data for advertising"): readers rejected half of the
      // rest (duties on publishers, rights, disclaimers, descriptions of what the user may share).
      if (!SENSITIVE_PRACTICE.test(norm) || SENSITIVE_NOT.test(norm) || !WE_DO_SENSITIVE.test(norm)) return true;
      break;
    case 'targeted-advertising':
      if (CONTEXTUAL.test(norm) && !PERSON_BASED.test(norm)) return true;
      break;
    case 'security':
      // "Tresorit is not liable if Encrypted Content cannot be decrypted due to password loss": a
      // liability clause, not a security practice.
      if (NOT_LIABLE.test(norm)) return true;
      break;
    case 'tracking':
      if (OTHER_SITES.test(norm) || BLOCKING_BREAKS.test(norm)) return true;
      if (NECESSARY_COOKIES.test(norm) && !TRACKING_USE.test(norm.replace(/\bkeep track of (your|the user'?s?) (choices?|consent|preferences?)\b/g, ''))) return true;
      break;
    default:
      break;
  }
  if (PRIVACY_PRACTICE.has(category) || category === 'security' || category === 'government-access') {
    if (PARTY_DUTY.test(norm)) return true;
    if (!privacyDocument && !WE.test(norm) && CONDUCT_ITEM.test(norm)) return true;
  }
  if (PRIVACY_PRACTICE.has(category)) {
    if (CUSTOMER_NOTICE_DUTY.test(norm)) return true;
    if (GENERIC_TECH.test(norm) && !WE.test(norm) && !USED.test(norm)) return true;
    if (!privacyDocument && YOUR_PROPERTY.test(norm) && NOTICE_WORDS.test(norm)) return true;
  }
  return false;
}

/** Whether `norm` states the protective side of `category` whatever the model's severity: a
 * liability clause's carve-out keeps liability for the user. */
/** The provider accepting liability ("The Reach Group GmbH shall be liable to the Contractual
 * Partner for compensation for the damage incurred"): the protective side of the clause. */
const PROVIDER_LIABLE = /\b(we|the company|the provider|[a-z0-9-]+ (gmbh|inc|ltd|llc|ag|se|s\.a|b\.v|limited|corporation))\.? (shall|will|is|are) (be )?(fully |also |nevertheless )?liable\b(?! (only|solely|up to|to the extent|for no\b))/;

/** An item of a carve-out list ("death or personal injury caused by our negligence;" under "Nothing
 * in these Terms excludes our liability for:"): what stays the provider's liability. */
const CARVED_OUT_ITEM = /^(\(?[a-z0-9]{1,3}[.)]\s*|[•*·-]\s*)?(death or (personal )?injury|fraud(ulent misrepresentation)?|gross negligence|wilful misconduct)\b[^.;]{0,120}[;.]?$/;

/** The user not liable ("The User will not be liable for any loss attributable to transactions
 * carried out after notification…"): the protective side of a liability clause. */
const USER_NOT_LIABLE = /^[^;]{0,60}\b(the user|you|the customer|the client|the consumer) (will|shall) not be (held )?(liable|responsible)\b/;

export function protectiveReading(category: string, norm: string): boolean {
  if (category === 'limitation-of-liability') return CARVE_OUT.test(norm) || CARVED_OUT_ITEM.test(norm) || PROVIDER_LIABLE.test(norm) || USER_NOT_LIABLE.test(norm);
  if (category === 'indemnification') return INDEMNIFIES_USER.test(norm) || INDEMNITY_LIMITED.test(norm);
  if (category === 'jurisdiction') return HOME_COURTS.test(norm);
  return false;
}

/** Sharing of aggregate or de-identified data only: minor, never a medium concern. */
const NOT_PERSONAL = /\b(aggregated?|non-personal(ly)?|de-?identified|anonymi[sz]ed|non-identifying|anonymous|statistical)\b/;
const PERSONAL = /\b(?<!non-)(?<!non-private )(personal (data|information)|your (data|information)|identif(y|ies|iable) you)\b/;

/** Force majeure: no liability for delays beyond anyone's control — standard and minor, unless the
 * sentence also excludes damages more broadly. */
const FORCE_MAJEURE = /\b(beyond|outside) (its|our|their|the|either party's|a party's|any party's|his|her|[a-z0-9-]+['’]s?) (reasonable )?control\b|\bforce majeure\b|\bacts? of god\b/;
const BROAD_LIMIT = /\b(indirect|consequential|incidental|special|punitive|exemplary|lost profits?|loss of (profits?|data|revenue|goodwill)|aggregate|exceed|in no event|to the (maximum|fullest) extent)\b/;

/** Where and how an arbitration hearing takes place: procedure, not the waiver of courts. */
const ARBITRATION_LOGISTICS = /\b(location|venue|place) (for|of) (any |the )?(arbitration )?hearing\b|\bconducted (solely )?on the basis of (documents|written submissions)\b/;
/** Cookies for signing in, security or stopping bots, or the bare fact that a site uses cookies. */
const SECURITY_COOKIES = /\b(authenticat\w*|security|fraud|bots?|spam|malicious|load[- ]balanc\w*|log(ged)? in|sign(ed)? in)\b/;
const AD_TRACKING = /\b(advertis\w*|ads?|marketing|across|third[- ]part\w*|profil\w*|personali[sz]\w*|interests?|partners?)\b/;
const BARE_COOKIES = /^(our|this) (web ?site|site|service|app)s? uses? cookies( and similar technologies)?( \([^)]{0,40}\))?\.?$/;

/** Whether `norm` states a milder form of `category` than its default: aggregate data shared, a
 * force-majeure excuse, arbitration logistics, security or bare cookies. */
export function minorReading(category: string, norm: string): boolean {
  // "You will indemnify us for any taxes relating to your purchase": routine.
  if (category === 'indemnification') return /\bindemnify (us|[a-z]+) for (any )?taxes\b/.test(norm);
  if (category === 'limitation-of-liability') return FORCE_MAJEURE.test(norm) && !BROAD_LIMIT.test(norm);
  if (category === 'arbitration') return ARBITRATION_LOGISTICS.test(norm);
  // (A beta service ending stays medium: one reader called it trivial, another accepted it.)
  // (Suspension for an unpaid bill and payment processors handling a payment stay medium: readers
  // accepted them six times and once, and called them minor once each.)
  if (category === 'tracking') return (SECURITY_COOKIES.test(norm) && !AD_TRACKING.test(norm)) || BARE_COOKIES.test(norm);
  return category === 'data-sharing' && NOT_PERSONAL.test(norm) && !PERSONAL.test(norm);
}

/** The category a sentence states instead of `category`, where its words belong to both: a price
 * change is a payment term, a "termination" that only changes the service is a change. `null` when
 * it stays. */
export function restatedCategory(category: string, norm: string): string | null {
  if (category === 'unilateral-change' && (PRICE_CHANGE.test(norm) || (PRICE_ONLY.test(norm) && !TERMS_OR_SERVICE.test(norm))) && !TERMS_WORDS.test(norm)) return 'payments';
  // "We may make improvements and changes to the Service at any time without notice": a change.
  if (category === 'unilateral-termination' && !TERMINATION_VERB.test(norm) && CHANGE_VERB.test(norm)) return 'unilateral-change';
  return null;
}
