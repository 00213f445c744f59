"""The made-up people and companies both benchmarks seed from (bench/accounts_seed.py,
bench/imports_feeds.py): names with accents and commas, as the customer's real data has."""

ADJECTIVES = ("Evergreen", "Summit", "Harbor", "Prairie", "Granite", "Blue Ridge", "Golden", "Pioneer", "Riverside",
              "Northstar", "Lakeshore", "Cedar", "Atlas", "Beacon", "Coastal", "Frontier", "Keystone", "Liberty",
              "Maple", "Oakwood", "Pinnacle", "Redwood", "Silverline", "Sterling", "Sunrise", "Tri-County",
              "Union", "Valley", "Westfield", "Zenith", "Allied", "Bayview", "Crescent", "Delta", "Eagle", "Falcon",
              "Heritage", "Ironwood", "Juniper", "Kingsley", "Magnolia", "Québec", "Sainte-Foy", "Empire")
NOUNS = ("Grocers", "Pharmacy", "Fuel", "Cinemas", "Hotels", "Markets", "Health", "Foods", "Outfitters", "Hardware",
         "Credit Union", "Bank", "Transit", "Airport Services", "Quick Serve", "Pizza", "Burgers", "Coffee",
         "Parking", "Libraries", "Stadiums", "Clinics", "Logistics", "Rentals", "Travel Centers", "Supermarkets",
         "Convenience", "Wireless", "Pet Supply", "Home Centers")
SUFFIXES = ("Inc", "LLC", "Co", "Group", "Corp", "Ltd", "Holdings", "Partners")
CITIES = ("Springfield", "Riverton", "Fairview", "Georgetown", "Franklin", "Clinton", "Madison", "Salem", "Greenville",
          "Bristol", "Oxford", "Arlington", "Ashland", "Burlington", "Dover", "Hudson", "Kingston", "Lexington",
          "Milton", "Newport", "Oakland", "Plymouth", "Richmond", "Trois-Rivières", "Winchester")
FIRST = ("James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "Wei",
         "Zoë", "François", "Siobhan", "José", "Björn", "Aisha", "Chen", "Priya", "Olga", "Mateo", "Chloé", "Kwame",
         "Ingrid", "Hiroshi", "Fatima", "Liam", "Noah", "Emma", "Sofía", "Lucas", "Amélie", "Raj", "Nadia", "Omar")
LAST = ("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "O'Brien", "Müller", "García", "MacLeod", "Nguyen", "Tanaka", "Patel", "Kowalski", "Okafor", "Dubois",
        "Tremblay", "Lefèvre", "Andersson", "Rossi", "Novak", "Cohen", "Kim", "Singh", "Haddad", "Schmidt",
        "Fernández", "Walsh", "Bergström", "Castillo", "Ivanova", "Moreau", "Hughes", "Park", "Yilmaz", "Osei")
TITLES = ("Store Manager", "VP Operations", "IT Director", "CIO", "Marketing Manager", "Facilities Manager",
          "Regional Manager", "Procurement Lead", "CEO", "Owner", "")
