# Base articles for the red-team set, written for copydesk (own words, fictional events).
import datetime
def wdate(y, m, d):
    return datetime.date(y, m, d).strftime("%A, %B ") + str(d) + ", " + str(y)

BASES = {}

# ---------------- Wikinews-like ----------------
BASES["W1"] = ("Flooding closes rail line between two northern towns", [
 wdate(2011, 3, 15),
 "Heavy rain over the weekend has closed the rail line between Harrowgate Junction and Milbrook, after a section of embankment was washed away early on Monday morning.",
 "The regional rail operator said engineers were on site and that replacement buses would run every thirty minutes until further notice. No trains were on the affected stretch when the embankment gave way.",
 "According to the national weather service, more than 90 millimetres of rain fell in the area in 48 hours, almost twice the monthly average for March.",
 "\"We have never seen the river this high in living memory,\" said Margaret Oduya, who runs a bakery near the station. \"The water came right up to the doorstep, and we had to move everything upstairs.\"",
 "Local officials said about 40 homes had been evacuated as a precaution. An emergency shelter has been opened in the town's secondary school.",
 "The operator said it expected the line to remain closed for at least two weeks while the embankment is rebuilt. Passengers have been advised to check timetables before travelling.",
])
BASES["W2"] = ("Scientists report new species of frog in Andean cloud forest", [
 wdate(2014, 9, 23),
 "A team of biologists has described a previously unknown species of frog living in the cloud forests of southern Ecuador, in a paper published on Monday in a peer-reviewed zoology journal.",
 "The frog, which measures about two centimetres from snout to vent, was found at altitudes between 2,400 and 2,900 metres. Unlike most frogs, it skips the tadpole stage and hatches directly from the egg as a tiny adult.",
 "Lead author Dr. Camila Restrepo said the team first heard the animal's call in 2009 but took several years to locate a breeding population. \"It has a very quiet, clicking call that is easy to mistake for an insect,\" she said.",
 "The researchers said the species was probably restricted to a few valleys and recommended that it be listed as endangered. Cattle grazing and road construction have already cleared parts of the forest where it lives.",
 "Habitat loss",
 "Ecuador is home to more than 600 known species of amphibians, and new ones are described almost every year. Conservation groups warn that many may disappear before they are studied.",
 "The authors named the frog after a local guide who helped them during fieldwork.",
])
BASES["W3"] = ("City council votes to ban cars from historic centre on Sundays", [
 wdate(2016, 5, 4),
 "The city council of Alvarado voted 23 to 8 on Tuesday to close the streets of the historic centre to private cars every Sunday, starting in July.",
 "Under the plan, buses, taxis and delivery vans will still be allowed into the area before 10 a.m. Residents with a permit will be able to drive to and from their homes at any time.",
 "Mayor Lucia Fernandez said the measure would reduce air pollution and make the centre safer for pedestrians. \"Our old streets were built for people, not for traffic jams,\" she told reporters after the vote.",
 "Shop owners were divided. Some said they expected more visitors on foot, while others feared losing customers who drive in from the suburbs.",
 "A trial closure last autumn saw pedestrian numbers rise by about a third, according to figures released by the council.",
 "The opposition said it would ask for a review after six months.",
])
BASES["W4"] = ("Wildfire forces evacuation of mountain villages", [
 wdate(2012, 8, 9),
 "Firefighters are battling a large wildfire in the hills east of Kessler Valley, which has forced the evacuation of three villages and burned an estimated 4,500 hectares since it began on Tuesday.",
 "The state fire service said the blaze was 20 percent contained as of Thursday evening. More than 600 firefighters, supported by eight helicopters and two water-bombing aircraft, are working on the fire lines.",
 "\"The wind shifted twice this afternoon, and that made things very difficult,\" said fire service spokesman Daniel Ortega. \"We are asking people to stay away from the area and to follow the instructions of the police.",
 "\"Our priority is to protect lives first, then homes.\"",
 "No deaths have been reported, but two firefighters were treated in hospital for heat exhaustion. About 1,200 residents have been moved to temporary shelters in neighbouring towns.",
 "The cause of the fire is under investigation. Temperatures in the region have exceeded 38 degrees Celsius for most of the week.",
])
BASES["W5"] = ("Football: Riverside United reach cup final after penalty shoot-out", [
 wdate(2015, 4, 19),
 "Riverside United reached the final of the national cup on Saturday after beating Northgate Athletic 5–4 on penalties, following a 1–1 draw after extra time.",
 "Northgate took the lead in the 28th minute when striker Tomas Vella headed in a corner. Riverside equalised ten minutes after half-time through a long-range shot from midfielder Ali Karim.",
 "Neither side could find a winner in extra time, although Northgate hit the post in the 112th minute.",
 "In the shoot-out, Riverside goalkeeper Piotr Nowak saved the fifth Northgate penalty to send his team through.",
 "\"I just tried to stay calm and guess the right way,\" Nowak said after the match. \"The lads deserved this after the season we have had.\"",
 "Riverside will play the winner of Sunday's second semi-final in the final next month.",
])
BASES["W6"] = ("Hospital workers strike over pay in capital", [
 wdate(2010, 11, 2),
 "Thousands of hospital workers walked off the job on Tuesday in the capital, demanding a pay rise and more staff on night shifts.",
 "The union representing nurses, porters and cleaners said about 7,000 of its members took part in the 24-hour strike. Hospitals said emergency departments were operating normally but that many routine operations had been postponed.",
 "Union leader Samira Haddad told a rally outside the health ministry that wages had not kept up with the cost of living for a decade. \"We are tired, we are underpaid, and we are leaving,\" she said.",
 "The health minister, Jonas Berg, said the government had offered a 3 percent increase and that further talks were planned for next week.",
 "Patients' groups urged both sides to reach an agreement quickly.",
])

# ---------------- BBC-2005-like ----------------
BASES["B1"] = ("Supermarket profits rise despite price war", [
 "The UK's third largest supermarket chain has reported a 12 per cent rise in half-year profits, despite a price war with its bigger rivals.",
 "Pre-tax profits rose to £312m in the six months to August, up from £279m a year earlier, helped by strong sales of clothing and homeware.",
 "Chief executive Mr Richard Ashby said the group had cut prices on more than 1,000 products but had made savings by renegotiating contracts with suppliers.",
 "\"Customers are watching every penny, and we have to be sharper than ever,\" Mr Ashby said. \"But we are confident that our strategy is working.\"",
 "Analysts said the figures were better than expected. Shares in the company rose 4 per cent in early trading in London.",
 "However, the firm warned that rising fuel and energy costs would put pressure on margins in the second half of the year.",
 "Sales at stores open for more than a year, a key measure of performance in the retail sector, rose 2.5 per cent.",
])
BASES["B2"] = ("Ministers unveil plan to cut hospital waiting lists", [
 "The government has set out plans to cut the maximum waiting time for hospital treatment in England to 18 weeks by the end of 2008.",
 "Health Secretary Mr Alan Pearce said the target would be met by increasing the number of operations carried out in private sector treatment centres and by modernising NHS organisation.",
 "The Conservatives said the plan was \"a gimmick\" and that previous targets had distorted clinical priorities.",
 "The British Medical Association welcomed the extra investment but warned that staff shortages could make the target hard to meet.",
 "\"Doctors want shorter waits as much as anyone, but the money must be matched by enough trained staff,\" a spokeswoman said.",
 "Mr Pearce said figures published last month showed that about 850,000 people were waiting for treatment, down from more than a million in 1998.",
])
BASES["B3"] = ("Band's comeback tour sells out in hours", [
 "Tickets for the reunion tour of 1980s pop group The Lanterns sold out within three hours of going on sale on Friday morning.",
 "The band, who split up in 1991 after a row between the lead singer and the guitarist, will play 14 dates across the UK and Ireland in the spring.",
 "Promoters said more than 150,000 tickets had been sold and that extra dates could be added at larger venues in the UK.",
 "Singer Clare Holloway said the band were \"overwhelmed\" by the response. \"We honestly thought we would be playing to a few hundred people who remembered us,\" she said.",
 "Some fans complained that tickets were already being offered on auction websites at several times their face value.",
 "The band's greatest hits album is also to be re-released with previously unheard recordings.",
])
BASES["B4"] = ("Mobile phone use while driving to carry points penalty", [
 "Drivers caught using a hand-held mobile phone at the wheel will face three penalty points on their licence as well as a fine, under plans announced by the Department for Transport.",
 "Currently motorists face a fixed penalty of £30, but ministers say the deterrent has not been strong enough. The fine will rise to £60.",
 "Transport minister Ms Karen Doyle said research showed drivers using a phone were four times more likely to be involved in a crash.",
 "Road safety campaigners welcomed the move, but said enforcement was the key. \"A law is only as good as the number of police officers on the road to enforce it,\" said one campaign group.",
 "The RAC said about 10 per cent of drivers admitted to using a hand-held phone while driving in the past year.",
 "The changes are expected to come into force next year, subject to approval by Parliament.",
])
BASES["B5"] = ("Airline to cut 1,500 jobs as fuel costs soar", [
 "A leading European airline is to cut 1,500 jobs over the next two years as it struggles to cope with the soaring cost of fuel.",
 "The company said most of the job losses would come from administrative and management posts, rather than pilots and cabin crew.",
 "Its fuel bill is expected to rise by €400m this year, the airline said, and it has already added a surcharge to long-haul fares.",
 "Unions said they were disappointed and would seek talks with management to avoid compulsory redundancies.",
 "Mr Henrik Lund, the airline's chief executive, said: \"These are painful decisions, but we must act now to secure the future of the business.\"",
 "Mr Lund said the airline would also retire its older aircraft, which use more fuel, earlier than planned.",
 "Shares rose 3 per cent on the news.",
])
BASES["B6"] = ("Schools told to improve healthy eating", [
 "Schools in England are to be given new guidelines on healthy eating after a report found that many pupils were still being served food high in fat, salt and sugar.",
 "The report, by school inspectors, said that while some schools had made real progress, others had barely changed their menus in a decade.",
 "Education Secretary Mr Paul Rennie said every child deserved a nutritious meal and that the government would provide an extra £220m to help schools modernise their kitchens and prioritise fresh food.",
 "Celebrity chefs and parents' organisations have campaigned for better school dinners for several years.",
 "The new standards will limit the use of processed meat and require at least two portions of fruit and vegetables to be offered with every meal.",
 "Head teachers' organisations welcomed the money but said the cost of fresh ingredients remained a concern.",
])

# ---------------- Reuters-1987-like ----------------
BASES["R1"] = ("Harlan Industries 1st qtr net rises", [
 "CHICAGO, April 14 - Harlan Industries Inc said first quarter net income rose 18 pct on higher sales of industrial pumps and valves.",
 "Shr 42 cts vs 36 cts",
 "Net 6,120,000 vs 5,190,000",
 "Revs 88.4 mln vs 79.2 mln",
 "Pump sales rose 22 pct and valve sales rose 9 pct. The company said orders from the petrochemical industry improved during the quarter, while demand from the agricultural sector remained weak.",
 "Harlan said it expected second quarter results to be in line with the first quarter, barring any sharp change in oil prices.",
])
BASES["R2"] = ("Treasury bill rates edge higher at weekly auction", [
 "WASHINGTON, March 9 - The U.S. Treasury said the average rate on its weekly auction of three-month bills rose to 5.64 pct from 5.58 pct last week.",
 "The average rate on six-month bills rose to 5.71 pct from 5.66 pct, the Treasury said.",
 "The Treasury said it received bids totalling 26.4 billion dlrs for the 6.6 billion dlrs of three-month bills offered and accepted 6.61 billion dlrs.",
 "Dealers said the rise reflected expectations that the Federal Reserve would keep credit conditions steady in the near term.",
 "The bills will be issued on March 12 and mature on June 11.",
])
BASES["R3"] = ("Japan trade surplus narrows in February", [
 "TOKYO, March 16 - Japan's trade surplus narrowed to 6.58 billion dlrs in February from 7.23 billion dlrs in January, the Finance Ministry said.",
 "Exports fell 2.1 pct to 17.9 billion dlrs while imports rose 3.4 pct to 11.3 billion dlrs, the ministry said.",
 "The surplus with the United States was 4.12 billion dlrs, down from 4.55 billion dlrs a month earlier.",
 "Ministry officials said the figures showed the strong yen was beginning to curb exports, but they cautioned against reading too much into one month's data.",
 "Economists at private research institutes said the surplus was likely to remain large for the rest of the year because of the time it takes for currency changes to affect trade flows.",
 "The U.S. has pressed Japan to open its markets to more American goods, particularly semiconductors and farm products.",
])
BASES["R4"] = ("Ferris Mining to sell Canadian gold unit", [
 "TORONTO, June 2 - Ferris Mining Corp Ltd said it agreed to sell its Canadian gold mining subsidiary to a group of investors for 112 mln Canadian dlrs in cash.",
 "The company said the sale, which is subject to regulatory approval, would allow it to concentrate on its copper and zinc operations in Quebec and Ontario.",
 "Ferris said it would use part of the proceeds to repay about 60 mln dlrs of bank debt.",
 "The gold unit produced about 85,000 ounces of gold last year, Ferris said.",
 "Ferris shares rose 1-1/4 to 18-3/8 on the Toronto Stock Exchange.",
])
BASES["R5"] = ("U.K. money market given 215 mln stg help", [
 "LONDON, May 20 - The Bank of England said it provided the money market with 215 mln stg assistance in the afternoon session.",
 "This brings the Bank's total help so far today to 430 mln stg and compares with its revised estimate of a 450 mln stg shortage.",
 "The Bank bought bills outright in band one at 9-7/8 pct and in band two at 9-13/16 pct.",
 "Dealers said the U.K. market remained cautious ahead of trade figures due later this week.",
])
BASES["R6"] = ("Westbrook Airlines traffic up in April", [
 "DALLAS, May 7 - Westbrook Airlines Inc said April traffic rose 11.2 pct to 1.34 billion revenue passenger miles from 1.20 billion a year earlier.",
 "Capacity increased 8.5 pct to 2.12 billion available seat miles, and the load factor rose to 63.2 pct from 61.6 pct, the company said.",
 "For the year to date, traffic was up 9.8 pct to 5.01 billion revenue passenger miles, Westbrook said.",
 "The airline said strong demand on its new routes to Mexico and the Caribbean accounted for much of the increase.",
 "Westbrook said it would add 14 daily flights from its Dallas hub in June.",
])

# ---------------- extra bases with clean-but-tricky copy ----------------
BASES["B7"] = ("Minister 'will not quit' over visa row", [
 "The home secretary has insisted he will not resign over claims that his department fast-tracked a visa application for a friend's nanny.",
 "Mr David Ashworth told MPs that he had \"nothing to hide\" and that an independent inquiry would clear his name. \"I have done nothing wrong, nothing at all,\" he said.",
 "The Liberal Democrats said the inquiry's terms were too narrow. Their spokesman, Mr Simon Hughes, said: \"The public deserve a full and frank account, not a whitewash.\"",
 "Downing Street said the prime minister had full confidence in Mr Ashworth.",
 "The inquiry, led by a retired civil servant, is expected to report within a month. It will look at e-mails between the home secretary's office and the immigration service.",
 "Not any more.",
 "Opinion polls suggest that the row has done little damage to the government, which holds a lead of about 6 per cent over the Conservatives.",
])
BASES["R7"] = ("Brazil coffee exports fall in March", [
 "RIO DE JANEIRO, April 8 - Brazil's coffee exports fell to 1.02 mln 60-kilo bags in March from 1.41 mln bags in February, the Brazilian Coffee Institute (IBC) said.",
 "Exports in March last year were 1.18 mln bags, the IBC said.",
 "Registrations for April shipments stood at 640,000 bags by the end of last week, compared with 910,000 bags at the same point in March.",
 "The IBC said the decline was due to the government's decision to suspend registrations for two weeks while it reviewed its minimum export price.",
 "Exporters said the minimum price, set at 1.35 dlrs per lb, was well above world market levels and was discouraging foreign buyers.",
 "Brazil is the world's largest coffee producer and exporter. The IBC said March exports were 1.02 mln bags, the lowest monthly total since 1985.",
])
BASES["W7"] = ("Volunteers plant 10,000 trees along river banks", [
 wdate(2013, 10, 12),
 "More than 800 volunteers spent Saturday planting trees along the banks of the Ashwell River, in what organizers called the largest community planting event in the region's history.",
 "The project, which began on Monday, October 7, aims to reduce erosion and improve habitat for fish. Organizers said about 10,000 saplings, mostly willow, alder and oak, were planted over six days.",
 "\"It was a very, very long week, but seeing families out here together made it worth it,\" said coordinator Priya Natarajan.",
 "The local water authority, which funded the saplings, said it hoped to repeat the event every autumn. A spokesman said the authority had spent $45,000 on the project.",
 "Local schools took part on Friday, with students from grades 4 to 8 planting about 1,500 trees between them.",
])

# ---------------- hard clean copy (precision traps) ----------------
BASES["R8"] = ("Dunmore Corp 4th qtr loss", [
 "ST. LOUIS, March 3 - Dunmore Corp said it posted a fourth quarter loss because of a 14.2 mln dlr writedown of its oil and gas properties.",
 "Shr loss 1.12 dlrs vs profit 34 cts",
 "Net loss 9,870,000 vs profit 2,960,000",
 "Revs 61.5 mln vs 72.8 mln",
 "Year",
 "Shr loss 64 cts vs profit 1.21 dlrs",
 "Net loss 5,640,000 vs profit 10.6 mln",
 "Revs 251.3 mln vs 284.0 mln",
 "NOTE: Fourth quarter and year results include writedown of 14.2 mln dlrs, or 1.61 dlrs a share.",
 "The company said it would hold its quarterly dividend at 10 cts a share, payable April 15 to holders of record March 31.",
])
BASES["R9"] = ("Bank of Korea sees 1987 growth at 8 pct", [
 "SEOUL, April 22 - The Bank of Korea said on Wednesday it expected South Korea's economy to grow by about 8 pct in 1987, down from 12.5 pct in 1986.",
 "The central bank said exports would rise about 16 pct to 40 billion dlrs, while imports would rise about 13 pct to 35.5 billion dlrs.",
 "It said the current account surplus would be about 5.5 billion dlrs, compared with 4.65 billion dlrs last year.",
 "\"The won's appreciation against the dollar will slow export growth in the second half,\" a bank official told Reuters.",
 "South Korean officials have held several rounds of talks with Washington on trade, and the U.S. has pressed Seoul to open its markets to American tobacco, insurance and farm goods.",
 "The bank said consumer prices would rise about 3 pct this year, and wholesale prices about 1.5 pct.",
 "Last year, consumer prices rose 2.3 pct and wholesale prices fell 1.5 pct, it said.",
])
BASES["B8"] = ("'Tough times ahead' for high street, warns retailer", [
 "One of Britain's biggest high street retailers has warned that the year ahead will be \"extremely tough\" as consumers cut back on spending.",
 "Mr Graham Lister, chairman of the group, said sales in the 10 weeks to 8 January had fallen 1.8 per cent on a like-for-like basis.",
 "\"We had had a good autumn, but December was very, very disappointing,\" he told the BBC's Today programme. \"People are worried about their mortgages and their fuel bills.",
 "\"I don't think that that will change until interest rates start to come down.\"",
 'Analysts said the figures were "worse than feared". One described the outlook as \'grim\' for the sector as a whole.',
 "Cautious shoppers",
 "The British Retail Consortium said total sales across the UK rose just 0.4 per cent in December, the weakest performance for the month in at least a decade.",
 "Mr Lister said the company would keep investing in its stores and would not cut prices further. Shares closed down 6 per cent at 312p.",
 "The Bank of England's Monetary Policy Committee will announce its latest decision on interest rates next week.",
])
BASES["W8"] = ("Interview: Mayor of Port Alden on the new harbour plan", [
 wdate(2009, 6, 18),
 "Wikinews spoke on Thursday, June 18, with Andrea Kowalczyk, the mayor of Port Alden, about the town's plan to rebuild its harbour after last winter's storms.",
 "Wikinews: How much will the project cost?",
 "Andrea Kowalczyk: The current estimate is about $14 million. About half will come from the state, and we are applying for federal grants for the rest.",
 "Wikinews: Some residents say the money should go to roads instead. What do you say to them?",
 "Andrea Kowalczyk: I understand that. But the harbour is the reason this town exists. If the fishing boats can't land, the fish plant closes, and then we lose 300 jobs. Roads don't help anyone if there is no work to drive to.",
 "Wikinews: When will construction begin?",
 "Andrea Kowalczyk: If everything goes well, next April. Again and again we have been told \"next year\", so I understand why people are sceptical.",
 "Kowalczyk was elected mayor in 2007. The town council is expected to vote on the final design in September.",
])
BASES["W9"] = ("Sweden and Norway sign fisheries agreement", [
 wdate(2005, 2, 14),
 "Swedish and Norwegian ministers signed a new fisheries agreement in Oslo on Monday, ending a dispute over quotas in the Skagerrak that had lasted almost two years.",
 "Under the deal, Swedish boats will be allowed to catch up to 4,200 tonnes of shrimp a year in Norwegian waters, up from 3,500 tonnes. Norway will in turn get access to herring grounds off the Swedish west coast.",
 "The Swedish government had accused Oslo of stalling the talks, while Norwegian officials said Stockholm had made unrealistic demands.",
 "\"This is a fair agreement for both countries,\" the Norwegian fisheries minister told reporters after the signing. Her Swedish counterpart described it as \"a good day for fishermen on both sides of the border\".",
 "The agreement will run for five years. Under its terms, Swedish boats may catch up to 4,200 tonnes of shrimp a year in Norwegian waters.",
 "Environmental groups said the quotas were still too high and warned that shrimp stocks had fallen sharply since the 1990s.",
])
BASES["B9"] = ("Rock 'n' roll legend's guitar sells for £200,000", [
 "A guitar played by a 1950s rock 'n' roll star has sold at auction in London for more than £200,000, four times its estimate.",
 "The instrument, a 1954 hollow-body model, was bought by an anonymous telephone bidder after a contest lasting almost 20 minutes.",
 "Auctioneer Mrs Jane Corby said the sale room had been \"absolutely packed\". \"I have been doing this job for 25 years and I have never seen anything like it,\" she said.",
 "The guitar had belonged to a session musician from Liverpool, who bought it from the star's road manager in the early '60s.",
 "Other items in the sale included a hand-written set list, which fetched £12,500, and a stage jacket, which sold for £8,000.",
 "Mrs Corby said the results showed that the market for music memorabilia remained strong despite the economic slowdown.",
])

BASES["R10"] = ("Japan's January exports rise, trade talks set", [
 "TOKYO, Feb 16 - Japan's exports rose 3.4 pct to 17.2 billion dlrs in January from a year earlier, the Finance Ministry said.",
 "In December, exports rose 5.1 pct to 19.8 billion dlrs, the ministry said.",
 "Oper shr 42 cts vs 36 cts. Oper net 6,120,000 vs 5,190,000. Nine mths. Oper shr 1.20 dlrs vs 1.01 dlrs.",
 "The Japanese delegation returned to Tokyo for consultations with the government after two days of talks with U.S. officials in Washington.",
 "A ministry official said imports rose 2.2 pct to 11.4 billion dlrs in January. In December, imports rose 1.9 pct to 12.6 billion dlrs.",
 "The U.S. trade representative is due to visit Tokyo next month.",
])
