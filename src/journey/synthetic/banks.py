"""Word banks for synthetic people and places. Every name here is common and generic; no real person is described.

Names are grouped by the heritage a family's names might come from, so a household's names hang together.
"""

FIRST_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "british": {
        "F": ("Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya",
              "Emily", "Poppy", "Ella", "Evie", "Charlotte", "Millie", "Daisy", "Phoebe", "Ruby", "Sophie", "Jessica",
              "Chloe", "Lucy", "Katie", "Megan", "Hannah", "Abigail", "Elizabeth", "Eleanor", "Holly", "Jasmine", "Summer",
              "Leah", "Paige", "Kayleigh", "Courtney", "Gemma", "Natalie", "Rebecca", "Victoria", "Samantha", "Louise",
              "Sarah", "Emma", "Laura", "Kelly", "Donna", "Michelle", "Tracey", "Nicola", "Joanne", "Lisa", "Karen"),
        "M": ("Oliver", "George", "Noah", "Arthur", "Leo", "Oscar", "Harry", "Archie", "Jack", "Charlie", "Freddie",
              "Theo", "Thomas", "James", "William", "Henry", "Alfie", "Joshua", "Jacob", "Samuel", "Daniel", "Ethan",
              "Joseph", "Dylan", "Callum", "Kyle", "Liam", "Connor", "Tyler", "Riley", "Mason", "Lewis", "Ryan", "Jordan",
              "Bradley", "Luke", "Nathan", "Jamie", "Adam", "Michael", "Matthew", "Christopher", "Robert", "Richard",
              "Stephen", "Paul", "Mark", "David", "Andrew", "Lee", "Darren", "Craig", "Wayne", "Gary", "Dean"),
    },
    "south_asian": {
        "F": ("Aisha", "Maryam", "Fatima", "Zainab", "Hafsa", "Amira", "Inaya", "Anaya", "Priya", "Simran", "Nadia",
              "Sana", "Ayesha", "Khadija", "Noor", "Riya", "Jasleen", "Tahmina", "Nasreen", "Shazia", "Rukhsana"),
        "M": ("Muhammad", "Mohammed", "Ibrahim", "Yusuf", "Ali", "Omar", "Hamza", "Zayn", "Aryan", "Arjun", "Rohan",
              "Imran", "Bilal", "Ayaan", "Harpreet", "Sukhdeep", "Abdul", "Tariq", "Shahid", "Faisal", "Rizwan"),
    },
    "african": {
        "F": ("Amara", "Adaeze", "Chioma", "Folake", "Hodan", "Ifeoma", "Nia", "Zara", "Halima", "Ayan", "Esther",
              "Blessing", "Grace", "Abena", "Kemi", "Sagal", "Deka", "Naomi"),
        "M": ("Kwame", "Tobi", "Chinedu", "Emeka", "Abdi", "Mohamed", "Samuel", "Daniel", "Kofi", "Yaw", "Ahmed",
              "David", "Tunde", "Jamal", "Isaac", "Ade", "Hassan", "Elijah"),
    },
    "caribbean": {
        "F": ("Shanice", "Jade", "Tia", "Keisha", "Aaliyah", "Imani", "Kiara", "Destiny", "Shantelle", "Monique"),
        "M": ("Marcus", "Jerome", "Tyrone", "Andre", "Kai", "Malachi", "Reuben", "Jaden", "Dwayne", "Curtis"),
    },
    "eastern_european": {
        "F": ("Zuzanna", "Maja", "Julia", "Lena", "Oliwia", "Alexandra", "Ioana", "Elena", "Natalia", "Agnieszka",
              "Katarzyna", "Andreea", "Daria", "Anastasia"),
        "M": ("Jakub", "Kacper", "Szymon", "Filip", "Mateusz", "Andrei", "Ionut", "Luca", "Tomasz", "Piotr", "Marek",
              "Bogdan", "Mihai", "Nikolai"),
    },
    "east_asian": {
        "F": ("Mei", "Lin", "Xin", "Yan", "Hui", "Jia"),
        "M": ("Wei", "Jun", "Hao", "Ming", "Jian", "Chen"),
    },
}

LAST_NAMES: dict[str, tuple[str, ...]] = {
    "british": ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
                "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Harris",
                "Lewis", "Hughes", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Watson", "Baker",
                "Harrison", "Morgan", "Patterson", "Young", "Allen", "Mitchell", "Bell", "Shaw", "Lee", "Parker",
                "Bennett", "Cook", "Carter", "Murphy", "Kelly", "Price", "Bailey", "Richardson", "Cox", "Marshall",
                "Graham", "Fletcher", "Holmes", "Barker", "Pearson", "Lloyd", "Palmer", "Russell", "Webb", "Rogers",
                "Gibson", "Ellis", "Stevens", "Dawson", "Atkinson", "Hughes", "Foster", "Booth", "Dixon", "Kirby",
                "Hobbs", "Slater", "Naylor", "Whitfield", "Oakley", "Brennan", "Doyle", "Gallagher", "O'Neill"),
    "south_asian": ("Khan", "Ahmed", "Hussain", "Ali", "Begum", "Rahman", "Patel", "Shah", "Iqbal", "Malik", "Akhtar",
                    "Mahmood", "Chaudhry", "Singh", "Kaur", "Sharma", "Islam", "Uddin", "Mistry", "Parmar", "Bibi"),
    "african": ("Okafor", "Adeyemi", "Mensah", "Osei", "Mohamed", "Abdi", "Hassan", "Okoro", "Nwosu", "Boateng",
                "Adebayo", "Farah", "Warsame", "Eze", "Asante", "Owusu"),
    "caribbean": ("Campbell", "Francis", "Grant", "Richards", "Brown", "Thomas", "Samuels", "Edwards", "Henry", "Reid",
                  "Clarke", "Stewart", "Gordon", "Bailey"),
    "eastern_european": ("Nowak", "Kowalski", "Wisniewska", "Popescu", "Ionescu", "Kaminski", "Lewandowski", "Petrov",
                         "Dumitru", "Zielinski", "Szymanski", "Novak", "Horvath", "Marin"),
    "east_asian": ("Chen", "Wang", "Li", "Zhang", "Liu", "Wong", "Lam", "Huang"),
}

# Heritage of a household's names by ethnicity code, and the first languages heard in such homes.
HERITAGE_BY_ETHNICITY = {
    "WBRI": "british", "WIRI": "british", "WIRT": "british", "WOTH": "eastern_european", "WROM": "eastern_european",
    "MWBC": "caribbean", "MWBA": "african", "MWAS": "south_asian", "MOTH": "british", "AIND": "south_asian",
    "APKN": "south_asian", "ABAN": "south_asian", "AOTH": "south_asian", "BCRB": "caribbean", "BAFR": "african",
    "BOTH": "african", "CHNE": "east_asian", "OOTH": "british", "REFU": "british", "NOBT": "british",
}
LANGUAGES_BY_ETHNICITY = {
    "WOTH": ("Polish", "Romanian", "Lithuanian", "Portuguese"), "WROM": ("Romanian", "Slovak", "Romani"),
    "AIND": ("Gujarati", "Punjabi", "Hindi"), "APKN": ("Urdu", "Punjabi"), "ABAN": ("Bengali", "Sylheti"),
    "AOTH": ("Tamil", "Pashto", "Dari"), "BAFR": ("Somali", "Tigrinya", "Arabic", "Yoruba"), "CHNE": ("Cantonese", "Mandarin"),
    "OOTH": ("Arabic", "Kurdish", "Farsi"),
}
# Approximate shares of children in England by ethnicity (DfE school census 2024, rounded), per thousand.
ETHNICITY_WEIGHTS = {
    "WBRI": 640, "WIRI": 3, "WIRT": 2, "WOTH": 75, "WROM": 6, "MWBC": 16, "MWBA": 9, "MWAS": 17, "MOTH": 22,
    "AIND": 35, "APKN": 45, "ABAN": 18, "AOTH": 18, "BCRB": 9, "BAFR": 40, "BOTH": 7, "CHNE": 5, "OOTH": 25,
    "REFU": 3, "NOBT": 5,
}

STREETS = ("Elm", "Oak", "Ash", "Beech", "Birch", "Cedar", "Chestnut", "Hazel", "Holly", "Laurel", "Maple", "Rowan",
           "Willow", "Alder", "Larch", "Poplar", "Sycamore", "Yew", "Station", "Church", "Mill", "Park", "Victoria",
           "Albert", "Queens", "Kings", "Windsor", "Grange", "Meadow", "Orchard", "Brook", "Bridge", "Canal", "Forge",
           "Foundry", "Tannery", "Market", "Chapel", "School", "Castle", "Abbey", "Priory", "Hill", "Valley", "Ridge",
           "Heath", "Moor", "Field", "Spring", "Well", "Cherry", "Plum", "Pear", "Apple", "Lime", "Thorn", "Bramble")
STREET_KINDS = ("Road", "Street", "Avenue", "Close", "Lane", "Drive", "Way", "Crescent", "Grove", "Gardens", "Terrace", "Court")
TOWNS = ("Northfield", "Northfield", "Northfield", "Eastbrook", "Westcombe", "Southmoor", "Millbank", "Hartley Green",
         "Ashby Vale", "Kingsmere")
# Made-up outward codes: the "NF" area does not exist, so no real address can be hit.
OUTWARD_CODES = tuple(f"NF{district}" for district in range(1, 20))
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

SCHOOL_NAMES = ("Oakfield", "St Mary's", "Holy Trinity", "Meadowside", "Brookvale", "Hillcrest", "Riverside", "Greenacres",
                "St John's", "Parkside", "Westfield", "Larkrise", "Willowbank", "Castle View", "Beechwood", "Springfield",
                "Ashgrove", "Orchard", "Moorland", "Heathfield", "Kingsway", "Millbrook", "Fernhill", "Rosewood",
                "St Peter's", "Sacred Heart", "Valley Road", "Elmhurst", "Broadway", "Thornbury")
GP_NAMES = ("Market Street Surgery", "Northfield Health Centre", "Riverside Medical Practice", "Parkview Surgery",
            "The Grange Medical Centre", "Eastbrook Family Practice", "Hill Top Surgery", "Westcombe Medical Group",
            "Millbank Health Centre", "Station Road Surgery", "Church Lane Practice", "Southmoor Medical Centre")
UNIT_NAMES = ("Birch", "Rowan", "Hazel", "Willow", "Cedar", "Alder")
