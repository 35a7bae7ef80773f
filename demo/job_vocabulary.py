"""What generated postings are made of: role profiles, places and pay levels, company names, and
the sentences descriptions are built from. All text is the product's own.
"""

from dataclasses import dataclass

from jobs.choices import EmploymentType, ExperienceLevel, JobStatus, SalaryPeriod, Workplace

ENTRY, MID, SENIOR, EXEC = (
    ExperienceLevel.ENTRY,
    ExperienceLevel.MID,
    ExperienceLevel.SENIOR,
    ExperienceLevel.EXECUTIVE,
)
FULL, PART, CONTRACT, FREELANCE, INTERN, TEMP = (
    EmploymentType.FULL_TIME,
    EmploymentType.PART_TIME,
    EmploymentType.CONTRACT,
    EmploymentType.FREELANCE,
    EmploymentType.INTERNSHIP,
    EmploymentType.TEMPORARY,
)

# --- roles --------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # hashed by identity: the profiles key cached blocks
class RoleProfile:
    slug: str  # the demo Role it links to
    weight: int  # how common postings for it are
    base: int  # typical mid-level yearly pay in a large U.S. city, in dollars
    titles: dict  # experience level -> titles
    intern_title: str  # "" when the role takes no interns
    skills: tuple
    teams: tuple  # opening paragraphs
    duties: tuple
    bring: tuple


PROFILES = (
    RoleProfile(
        slug="machine-learning-engineer",
        weight=14,
        base=155_000,
        titles={
            ENTRY: ("Junior Machine Learning Engineer", "Machine Learning Engineer I",
                    "Associate Machine Learning Engineer"),
            MID: ("Machine Learning Engineer", "Machine Learning Engineer II",
                  "ML Engineer, Recommendations", "Applied Machine Learning Engineer"),
            SENIOR: ("Senior Machine Learning Engineer", "Staff Machine Learning Engineer",
                     "Senior ML Engineer, Search Ranking", "Principal Machine Learning Engineer"),
            EXEC: ("Head of Machine Learning", "Director of Machine Learning",
                   "VP of Machine Learning"),
        },
        intern_title="Machine Learning Engineering Intern",
        skills=("Python", "PyTorch", "TensorFlow", "scikit-learn", "SQL", "Docker", "Kubernetes",
                "Spark", "AWS", "Feature stores", "MLflow", "A/B testing"),
        teams=(
            "Our machine learning team turns product data into models that people touch every "
            "day, from ranking what they see first to catching fraud before it costs anyone "
            "money. We are a small group that owns its models end to end, from the first "
            "notebook to the service that answers in production.",
            "We build the models behind personalisation and forecasting and keep them healthy "
            "once they ship. You would join engineers and scientists who pair often, review each "
            "other's work, and care as much about reliability as about accuracy.",
            "This team sits between research and product: we take ideas that work offline and "
            "make them fast, observable and cheap enough to run at scale.",
        ),
        duties=(
            "Design, train and evaluate models for ranking, classification and forecasting",
            "Build training and inference pipelines that other teams can rely on",
            "Turn offline wins into online ones through careful A/B tests",
            "Profile and optimise models for latency and serving cost",
            "Monitor models in production and fix drift before users notice it",
            "Work with product managers to decide which problems deserve a model",
            "Write clear design documents and review your teammates' code",
        ),
        bring=(
            "Strong Python and a solid grasp of machine learning fundamentals",
            "Hands-on experience with PyTorch, TensorFlow or a similar framework",
            "Comfort with SQL and with at least one cloud platform",
            "Experience shipping a model to production and keeping it running",
            "Clear written communication; we write our decisions down",
        ),
    ),
    RoleProfile(
        slug="deep-learning-engineer",
        weight=7,
        base=165_000,
        titles={
            ENTRY: ("Junior Deep Learning Engineer", "Deep Learning Engineer I"),
            MID: ("Deep Learning Engineer", "Deep Learning Engineer II",
                  "Deep Learning Engineer, Training Infrastructure"),
            SENIOR: ("Senior Deep Learning Engineer", "Staff Deep Learning Engineer",
                     "Senior Deep Learning Engineer, Model Optimization"),
            EXEC: ("Head of Deep Learning", "Director, Deep Learning"),
        },
        intern_title="Deep Learning Intern",
        skills=("Python", "PyTorch", "JAX", "CUDA", "Triton", "Distributed training",
                "Transformers", "ONNX", "TensorRT", "C++", "Mixed precision"),
        teams=(
            "We train large neural networks and make them run well on real hardware. The team "
            "owns the training stack, from data loaders to multi-node jobs, and works closely "
            "with the researchers who design new architectures.",
            "Our deep learning group builds the models at the heart of the product and the "
            "tooling that lets us train them quickly and reproducibly on a shared GPU cluster.",
            "You would join a team that turns promising experiments into efficient, quantised "
            "networks serving real traffic, with a strong habit of measuring before optimising.",
        ),
        duties=(
            "Implement and train neural network architectures in PyTorch or JAX",
            "Scale training across many GPUs with data, tensor and pipeline parallelism",
            "Speed up inference with quantisation, distillation and custom kernels",
            "Build evaluation suites that catch regressions before a model ships",
            "Keep experiments reproducible: configs, seeds, data versions and checkpoints",
            "Read papers, reproduce the promising ones and report what holds up",
            "Help researchers turn prototypes into maintainable code",
        ),
        bring=(
            "Deep experience with PyTorch or JAX and modern architectures such as transformers",
            "An understanding of GPU performance: memory, throughput and where time goes",
            "Solid engineering habits: tests, reviews and readable code",
            "Experience with distributed training or model compression is a plus",
            "Curiosity and patience when a loss curve misbehaves",
        ),
    ),
    RoleProfile(
        slug="lead-machine-learning-engineer",
        weight=4,
        base=165_000,
        titles={
            SENIOR: ("Lead Machine Learning Engineer", "Machine Learning Tech Lead",
                     "Lead ML Engineer, Personalization"),
            EXEC: ("Engineering Manager, Machine Learning", "Director of ML Engineering",
                   "Head of ML Engineering"),
        },
        intern_title="",
        skills=("Python", "PyTorch", "System design", "Mentoring", "MLOps", "Kubernetes", "AWS",
                "Spark", "Technical leadership", "Roadmapping"),
        teams=(
            "We are looking for someone to lead a team of machine learning engineers who own "
            "several production models. You will set the technical direction, stay hands-on "
            "where it matters, and help each engineer grow.",
            "Our ML group has grown quickly and needs a lead who can turn many good ideas into a "
            "clear roadmap, keep the systems sound, and be the person other teams call when they "
            "need machine learning done right.",
            "This role combines architecture, delivery and people: you will shape how our models "
            "are built, tested and run, and coach the engineers who build them.",
        ),
        duties=(
            "Set the technical direction for a team of four to eight ML engineers",
            "Review designs and code and keep the bar for quality high",
            "Plan the roadmap with product and research leads and make trade-offs explicit",
            "Stay hands-on with the hardest modelling and infrastructure problems",
            "Mentor engineers through regular one-to-ones and honest feedback",
            "Hire thoughtfully and help new teammates settle in quickly",
            "Own the reliability and cost of the models your team runs",
        ),
        bring=(
            "A record of building and shipping machine learning systems",
            "Experience leading projects or people, formally or informally",
            "Good judgement about when a simple model is enough",
            "The ability to explain technical trade-offs to non-specialists",
            "A habit of making the people around you better",
        ),
    ),
    RoleProfile(
        slug="data-scientist",
        weight=14,
        base=135_000,
        titles={
            ENTRY: ("Junior Data Scientist", "Data Scientist I", "Associate Data Scientist"),
            MID: ("Data Scientist", "Data Scientist II", "Product Data Scientist",
                  "Data Scientist, Experimentation"),
            SENIOR: ("Senior Data Scientist", "Staff Data Scientist",
                     "Senior Data Scientist, Pricing", "Principal Data Scientist"),
            EXEC: ("Head of Data Science", "Director of Data Science", "VP, Data Science"),
        },
        intern_title="Data Science Intern",
        skills=("Python", "R", "SQL", "Statistics", "Experimentation", "Causal inference",
                "pandas", "scikit-learn", "Forecasting", "Tableau", "Bayesian modelling"),
        teams=(
            "Our data science team helps the company make better decisions, from which features "
            "to build next to how we price our plans. We are embedded with product squads and "
            "share our methods in a weekly review.",
            "We answer hard questions with data: what drives retention, which experiments "
            "worked, and where the business is heading next quarter. The team mixes "
            "statisticians, economists and engineers.",
            "Data scientists here own problems rather than tickets. You will pick up a question, "
            "find the right data, build the model or analysis, and see it through to a decision.",
        ),
        duties=(
            "Design and analyse experiments, and explain the results without jargon",
            "Build forecasting and predictive models that feed planning and product features",
            "Explore large datasets to find opportunities nobody has asked about yet",
            "Define metrics with product managers and keep them honest",
            "Write production-quality Python and SQL alongside the data engineers",
            "Present findings to leadership in short, clear write-ups",
            "Help colleagues use data well through office hours and reviews",
        ),
        bring=(
            "A strong foundation in statistics and probability",
            "Fluency in Python or R, and in SQL",
            "Experience with experimentation or causal inference",
            "The habit of checking your own work and stating your assumptions",
            "Clear storytelling with data, in writing and in person",
        ),
    ),
    RoleProfile(
        slug="data-engineer",
        weight=14,
        base=135_000,
        titles={
            ENTRY: ("Junior Data Engineer", "Data Engineer I", "Associate Data Engineer"),
            MID: ("Data Engineer", "Data Engineer II", "Data Platform Engineer",
                  "Big Data Engineer"),
            SENIOR: ("Senior Data Engineer", "Staff Data Engineer", "Lead Data Engineer",
                     "Senior Data Platform Engineer"),
            EXEC: ("Head of Data Engineering", "Director of Data Engineering",
                   "VP, Data Platform"),
        },
        intern_title="Data Engineering Intern",
        skills=("Python", "SQL", "Spark", "Airflow", "Kafka", "dbt", "Snowflake", "BigQuery",
                "AWS", "Terraform", "Scala", "Databricks"),
        teams=(
            "Our data platform team builds the pipelines and warehouse that every analyst, "
            "scientist and product team depends on. We care about data that arrives on time, is "
            "documented and can be trusted.",
            "We move billions of events a day from our products into a lakehouse that powers "
            "reporting, machine learning and customer-facing features. The team runs what it "
            "builds and keeps things simple on purpose.",
            "Data engineering here is a product discipline: our users are the rest of the "
            "company, and we measure ourselves by how quickly they get reliable answers.",
        ),
        duties=(
            "Build and maintain batch and streaming pipelines in Python, SQL and Spark",
            "Model data in the warehouse so it is easy to query and hard to misuse",
            "Orchestrate workflows with Airflow and keep them observable",
            "Add tests, data contracts and alerts so problems surface early",
            "Tune queries and storage to keep the platform fast and the bill reasonable",
            "Work with analysts and ML engineers to understand what they need next",
            "Automate infrastructure with Terraform and CI pipelines",
        ),
        bring=(
            "Solid SQL and Python, and experience with a distributed engine such as Spark",
            "Experience with a cloud warehouse like Snowflake, BigQuery or Redshift",
            "An understanding of data modelling and of when to denormalise",
            "Comfort with orchestration, version control and CI",
            "Pride in pipelines that quietly keep working",
        ),
    ),
    RoleProfile(
        slug="data-analyst",
        weight=12,
        base=85_000,
        titles={
            ENTRY: ("Junior Data Analyst", "Data Analyst I", "Associate Data Analyst"),
            MID: ("Data Analyst", "Business Intelligence Analyst", "Product Analyst",
                  "Marketing Data Analyst"),
            SENIOR: ("Senior Data Analyst", "Lead Data Analyst", "Senior Product Analyst",
                     "Senior BI Analyst"),
            EXEC: ("Head of Analytics", "Director of Business Intelligence"),
        },
        intern_title="Data Analyst Intern",
        skills=("SQL", "Excel", "Tableau", "Power BI", "Looker", "Python", "Google Analytics",
                "Statistics", "Data visualization", "A/B testing"),
        teams=(
            "Our analytics team turns raw numbers into answers people can act on. You will work "
            "with marketing, finance and operations and become the person they trust to say "
            "what the data really shows.",
            "We are a growing analytics group supporting a fast-moving product. Our dashboards "
            "are used daily across the company, and our deeper analyses shape the roadmap.",
            "Analysts here sit close to the business: you will join planning meetings, ask good "
            "questions, and follow an analysis all the way to a changed decision.",
        ),
        duties=(
            "Write SQL to pull, clean and combine data from several sources",
            "Build and maintain dashboards in Tableau, Looker or Power BI",
            "Track the key metrics and explain what moved them and why",
            "Run ad-hoc analyses for product, marketing and finance teams",
            "Support A/B tests from setup to read-out",
            "Document definitions so everyone uses the same numbers",
            "Spot data quality issues and work with engineers to fix them",
        ),
        bring=(
            "Strong SQL and confidence with spreadsheets",
            "Experience with a BI tool such as Tableau, Looker or Power BI",
            "A head for numbers and a healthy scepticism about them",
            "Clear, concise communication with non-technical colleagues",
            "Some Python or R is welcome but not required",
        ),
    ),
    RoleProfile(
        slug="analytics-engineer",
        weight=7,
        base=120_000,
        titles={
            ENTRY: ("Junior Analytics Engineer", "Analytics Engineer I"),
            MID: ("Analytics Engineer", "Analytics Engineer II",
                  "Analytics Engineer, Finance Data"),
            SENIOR: ("Senior Analytics Engineer", "Staff Analytics Engineer",
                     "Lead Analytics Engineer"),
            EXEC: ("Head of Analytics Engineering", "Director, Analytics Engineering"),
        },
        intern_title="Analytics Engineering Intern",
        skills=("SQL", "dbt", "Snowflake", "BigQuery", "Looker", "Python", "Git",
                "Data modelling", "Airflow", "Fivetran"),
        teams=(
            "Analytics engineers here own the layer between raw data and the people who use it. "
            "We build clean, tested dbt models so analysts spend their time on questions rather "
            "than on cleaning.",
            "We run a modern data stack and treat our models like software: version control, "
            "code review, tests and documentation. The team partners with finance, product and "
            "growth.",
            "Our analytics engineering team keeps one trusted set of definitions for the whole "
            "company, from revenue to active users, and makes them easy to explore.",
        ),
        duties=(
            "Build dbt models that turn raw tables into clear, documented datasets",
            "Define core business metrics with stakeholders and encode them once",
            "Write tests and freshness checks so broken data never reaches a dashboard",
            "Maintain the semantic layer behind our BI tool",
            "Review SQL from analysts and help them adopt good practices",
            "Optimise warehouse models for cost and speed",
            "Keep lineage and documentation up to date",
        ),
        bring=(
            "Excellent SQL and hands-on experience with dbt",
            "A solid grasp of dimensional modelling",
            "Experience with Snowflake, BigQuery or a similar warehouse",
            "Comfort with Git, code review and CI",
            "Patience in turning vague requests into precise definitions",
        ),
    ),
    RoleProfile(
        slug="mlops-engineer",
        weight=8,
        base=145_000,
        titles={
            ENTRY: ("Junior MLOps Engineer", "MLOps Engineer I"),
            MID: ("MLOps Engineer", "ML Platform Engineer",
                  "Machine Learning Infrastructure Engineer"),
            SENIOR: ("Senior MLOps Engineer", "Staff ML Platform Engineer",
                     "Senior Machine Learning Infrastructure Engineer"),
            EXEC: ("Head of ML Platform", "Director, ML Infrastructure"),
        },
        intern_title="MLOps Intern",
        skills=("Python", "Kubernetes", "Docker", "Terraform", "MLflow", "Kubeflow", "SageMaker",
                "CI/CD", "Prometheus", "Go", "Ray", "GCP"),
        teams=(
            "Our ML platform team gives data scientists and ML engineers a paved road from "
            "experiment to production: training jobs, model registry, deployment and monitoring, "
            "all self-service.",
            "We run the infrastructure behind dozens of models in production, and we want "
            "releasing a new one to be boring. You will help automate everything between a "
            "notebook and a reliable endpoint.",
            "MLOps here means building the tools that let every model team ship safely and "
            "often, and owning the platform when something breaks.",
        ),
        duties=(
            "Build and operate the platform for training, registering and serving models",
            "Automate model deployment with CI/CD, canary releases and rollbacks",
            "Run GPU and CPU workloads on Kubernetes efficiently",
            "Set up monitoring for model quality, latency and data drift",
            "Manage infrastructure as code with Terraform",
            "Help model teams debug performance and reliability problems",
            "Keep costs visible and under control",
        ),
        bring=(
            "Experience running production systems on Kubernetes and a major cloud",
            "Strong Python; Go or another systems language is a plus",
            "Familiarity with tools like MLflow, Kubeflow, SageMaker or Ray",
            "A solid understanding of CI/CD and observability",
            "Enough machine learning to talk shop with the people who build models",
        ),
    ),
    RoleProfile(
        slug="ai-research-scientist",
        weight=5,
        base=175_000,
        titles={
            ENTRY: ("AI Research Resident", "Research Scientist, New Graduate"),
            MID: ("Research Scientist", "AI Research Scientist",
                  "Research Scientist, Machine Learning"),
            SENIOR: ("Senior Research Scientist", "Staff Research Scientist",
                     "Senior AI Research Scientist, Reinforcement Learning"),
            EXEC: ("Head of AI Research", "Director of Research",
                   "Research Director, Foundation Models"),
        },
        intern_title="Research Intern, Machine Learning",
        skills=("Python", "PyTorch", "JAX", "Deep learning", "Reinforcement learning",
                "Large language models", "Probability", "Optimization", "Distributed training"),
        teams=(
            "Our research group studies how to make learning systems more capable, efficient "
            "and reliable. We publish at major venues, and our best ideas find their way into "
            "the product.",
            "We are a small research lab inside a product company, with the compute and data to "
            "test ideas at scale and the freedom to follow the results where they lead.",
            "Researchers here pick ambitious problems, run careful experiments, and share what "
            "they learn openly with the team and, where possible, with the wider community.",
        ),
        duties=(
            "Propose and lead research projects on open problems in machine learning",
            "Design rigorous experiments and ablations",
            "Publish at conferences such as NeurIPS, ICML and ICLR",
            "Work with engineers to scale promising methods",
            "Mentor residents and interns",
            "Follow the literature and share summaries with the team",
            "Turn results into prototypes that product teams can try",
        ),
        bring=(
            "A PhD in machine learning or a related field, or equivalent research experience",
            "Publications at strong venues",
            "Fluency in PyTorch or JAX",
            "Depth in an area such as language models, reinforcement learning or generative models",
            "The rigour to doubt your own results until they survive scrutiny",
        ),
    ),
    RoleProfile(
        slug="nlp-engineer",
        weight=7,
        base=155_000,
        titles={
            ENTRY: ("Junior NLP Engineer", "NLP Engineer I"),
            MID: ("NLP Engineer", "NLP Engineer II", "Conversational AI Engineer",
                  "LLM Engineer"),
            SENIOR: ("Senior NLP Engineer", "Staff NLP Engineer", "Senior LLM Engineer",
                     "Lead NLP Engineer"),
            EXEC: ("Head of NLP", "Director of Language AI"),
        },
        intern_title="NLP Intern",
        skills=("Python", "PyTorch", "Hugging Face Transformers", "LLMs", "spaCy",
                "Retrieval-augmented generation", "Vector databases", "Evaluation",
                "Fine-tuning"),
        teams=(
            "Our language team builds the features that read, summarise and answer questions "
            "about documents for our customers. We combine large language models with retrieval "
            "and careful evaluation.",
            "We work on search and conversational features in several languages, and we "
            "measure every change against human judgements before it ships.",
            "NLP engineers here take text problems from prototype to production, balancing "
            "quality, latency and cost, and treat evaluation as part of the work.",
        ),
        duties=(
            "Build and fine-tune language models for classification, extraction and generation",
            "Design retrieval-augmented pipelines and the indexes behind them",
            "Create evaluation sets and metrics that reflect what users need",
            "Serve models efficiently and keep latency within budget",
            "Work with annotators and linguists to improve training data",
            "Guard against harmful or invented outputs with tests and filters",
            "Share what works with the rest of the ML organisation",
        ),
        bring=(
            "Hands-on experience with transformers and the Hugging Face ecosystem",
            "Strong Python and solid machine learning fundamentals",
            "Experience evaluating NLP systems rigorously",
            "Familiarity with vector search and retrieval",
            "Interest in languages other than English is a plus",
        ),
    ),
    RoleProfile(
        slug="computer-vision-engineer",
        weight=7,
        base=150_000,
        titles={
            ENTRY: ("Junior Computer Vision Engineer", "Computer Vision Engineer I"),
            MID: ("Computer Vision Engineer", "Computer Vision Engineer II",
                  "Perception Engineer", "Imaging Algorithms Engineer"),
            SENIOR: ("Senior Computer Vision Engineer", "Staff Perception Engineer",
                     "Lead Computer Vision Engineer"),
            EXEC: ("Head of Computer Vision", "Director of Perception"),
        },
        intern_title="Computer Vision Intern",
        skills=("Python", "C++", "OpenCV", "PyTorch", "CUDA", "Object detection",
                "Segmentation", "3D vision", "TensorRT", "ROS", "Image processing"),
        teams=(
            "Our perception team teaches machines to understand images and video in the real "
            "world, where the lighting is poor, the cameras are cheap and mistakes matter.",
            "We build vision models that run on edge devices in the field as well as in the "
            "cloud, and we own the whole loop from data collection to deployment.",
            "Computer vision is at the centre of our product. The team combines classical "
            "geometry with deep learning and tests everything on real footage before it ships.",
        ),
        duties=(
            "Develop models for detection, segmentation and tracking",
            "Curate and label datasets, and find the hard cases that matter",
            "Optimise models to run in real time on edge hardware",
            "Write fast C++ and Python for image pipelines",
            "Calibrate cameras and work with 3D geometry where needed",
            "Measure accuracy in the field, not just on benchmarks",
            "Work with hardware and product teams on new sensors and features",
        ),
        bring=(
            "Experience with deep learning for vision in PyTorch or a similar framework",
            "Good knowledge of OpenCV and classical image processing",
            "Solid C++, or the will to get there quickly",
            "Experience deploying models with TensorRT, ONNX or similar is a plus",
            "A practical mindset about data quality",
        ),
    ),
)  # fmt: skip

# --- places and pay ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    city: str
    region: str
    country: str
    currency: str
    pay: float  # local pay per U.S. dollar of PROFILES pay, in the local currency
    weight: int


PLACES = (
    Place("San Francisco", "CA", "US", "USD", 1.15, 9),
    Place("New York", "NY", "US", "USD", 1.12, 9),
    Place("Seattle", "WA", "US", "USD", 1.08, 6),
    Place("Boston", "MA", "US", "USD", 1.05, 5),
    Place("Austin", "TX", "US", "USD", 0.95, 5),
    Place("Chicago", "IL", "US", "USD", 0.95, 4),
    Place("Denver", "CO", "US", "USD", 0.93, 3),
    Place("Atlanta", "GA", "US", "USD", 0.90, 3),
    Place("Raleigh", "NC", "US", "USD", 0.88, 2),
    Place("Pittsburgh", "PA", "US", "USD", 0.85, 2),
    Place("London", "", "GB", "GBP", 0.55, 7),
    Place("Manchester", "", "GB", "GBP", 0.45, 2),
    Place("Berlin", "", "DE", "EUR", 0.50, 5),
    Place("Munich", "Bavaria", "DE", "EUR", 0.53, 3),
    Place("Amsterdam", "", "NL", "EUR", 0.52, 4),
    Place("Paris", "", "FR", "EUR", 0.45, 4),
    Place("Dublin", "", "IE", "EUR", 0.55, 2),
    Place("Toronto", "ON", "CA", "CAD", 0.85, 5),
    Place("Vancouver", "BC", "CA", "CAD", 0.83, 2),
    Place("Bangalore", "Karnataka", "IN", "INR", 12.0, 6),
    Place("Hyderabad", "Telangana", "IN", "INR", 11.0, 3),
    Place("Singapore", "", "SG", "SGD", 0.75, 4),
    Place("Sydney", "NSW", "AU", "AUD", 0.95, 3),
    Place("Melbourne", "VIC", "AU", "AUD", 0.92, 2),
)


@dataclass(frozen=True)
class RemoteArea:
    country: str
    currency: str
    pay: float
    regions: tuple  # what "where remote applicants may live" says
    weight: int


REMOTE_AREAS = (
    RemoteArea("US", "USD", 1.0, ("anywhere in the U.S.", "U.S. time zones",
                                  "U.S., Eastern or Central time"), 12),
    RemoteArea("GB", "GBP", 0.50, ("anywhere in the UK",), 3),
    RemoteArea("DE", "EUR", 0.48, ("anywhere in Germany", "Germany, within CET ± 2 hours"), 2),
    RemoteArea("NL", "EUR", 0.50, ("anywhere in the Netherlands",), 1),
    RemoteArea("CA", "CAD", 0.80, ("anywhere in Canada", "Canada (Eastern time)"), 2),
    RemoteArea("IN", "INR", 11.0, ("anywhere in India",), 2),
    RemoteArea("AU", "AUD", 0.92, ("anywhere in Australia",), 1),
)  # fmt: skip

# Pay relative to a profile's mid-level base.
LEVEL_PAY = {ENTRY: 0.7, MID: 1.0, SENIOR: 1.3, EXEC: 1.75}
# Contractors and freelancers charge more per hour than the salaried equivalent.
RATE_PREMIUM = {CONTRACT: 1.3, FREELANCE: 1.35, TEMP: 1.05}
INTERN_SHARE = {SalaryPeriod.HOUR: 0.8, SalaryPeriod.MONTH: 0.5}
HOURS_PER_YEAR = 2080
NO_SALARY_SHARE = 0.2
APPLY_BY_EMAIL_SHARE = 0.15
FEATURED_SHARE = 0.01
MAILBOXES = ("jobs", "careers", "talent", "hiring")

# Proportions drawn as from a shuffled deck: every full pass holds each value this many times.
EMPLOYMENT_MIX = {FULL: 76, CONTRACT: 7, PART: 5, INTERN: 5, FREELANCE: 4, TEMP: 3}
LEVEL_MIX = {ENTRY: 3, MID: 8, SENIOR: 7, EXEC: 2}
WORKPLACE_MIX = {Workplace.ONSITE: 7, Workplace.HYBRID: 7, Workplace.REMOTE: 6}
STATUS_MIX = {
    JobStatus.PUBLISHED: 188,
    JobStatus.FILLED: 4,
    JobStatus.EXPIRED: 3,
    JobStatus.PENDING: 3,
    JobStatus.DRAFT: 1,
    JobStatus.REJECTED: 1,
}
# Tells a title what kind of engagement it is, on some of the postings that are not full time.
TITLE_SUFFIX = {CONTRACT: " (Contract)", FREELANCE: " (Freelance)", PART: " (Part-time)",
                TEMP: " (12-month fixed term)"}  # fmt: skip
# Leaders who are not on the payroll full time are hired as fractional or interim ones.
EXEC_PREFIX = {
    PART: "Fractional ",
    FREELANCE: "Fractional ",
    CONTRACT: "Interim ",
    TEMP: "Interim ",
}

# --- companies ---------------------------------------------------------------------------------

SECTORS = {
    "retail": "builds demand-forecasting and pricing software for retailers and consumer brands",
    "health": "uses clinical and claims data to help hospitals spot risk early and plan care",
    "bio": "combines lab automation and machine learning to speed up drug discovery",
    "finance": "builds payments and lending products for small businesses",
    "energy": "forecasts supply and demand on the power grid for utilities and wind and "
    "solar developers",
    "logistics": "plans routes and warehouse capacity for freight carriers and shippers",
    "ai": "trains and deploys machine learning models for enterprise customers",
    "vision": "builds computer vision systems that inspect products and infrastructure",
    "robotics": "makes autonomous robots for warehouses and farms",
    "media": "runs a streaming and recommendations platform for music and video",
    "security": "detects fraud and cyber threats in real time for banks and online platforms",
    "education": "builds adaptive learning tools used by schools and universities",
    "insurance": "prices policies and settles claims with data-driven models",
    "mobility": "develops driver-assistance and fleet software for vehicle makers",
    "games": "makes online games played by millions and uses data to keep them fair and fun",
    "marketing": "measures and optimises advertising for consumer brands",
    "geo": "turns satellite and aerial imagery into maps and analytics",
    "data": "builds developer tools for data pipelines and warehouses",
    "food": "runs a grocery and meal delivery service in several cities",
    "legal": "builds document review and search tools for law firms",
    "travel": "helps travellers search and book trips, and helps airlines price them",
    "climate": "measures and reduces the carbon footprint of supply chains",
    "telecom": "runs mobile and broadband networks and tunes them with data",
    "manufacturing": "connects factory equipment to software that predicts failures early",
    "consulting": "is a data and AI consultancy that helps organisations ship their first "
    "production models",
    "genomics": "analyses DNA sequencing data for research groups and clinics",
}

# The demo's companies come first in the pool, so generate_jobs reuses them.
CURATED_COMPANIES = (
    ("Larkspur Analytics", "retail"), ("Quillon Health", "health"),
    ("Brightwater Energy", "energy"), ("Tessellate AI", "ai"), ("Copperleaf", "finance"),
    ("Orbitra", "geo"), ("Fernhill Bio", "bio"), ("Kestrel Robotics", "robotics"),
    ("Meridian Freight", "logistics"), ("Pallas Insurance Group", "insurance"),
    ("Signalpath", "marketing"), ("Driftwood Games", "games"), ("Nimbus Ledger", "finance"),
    ("Verdant Agritech", "robotics"), ("Halcyon Labs", "ai"), ("Cobalt & Pine", "consulting"),
    ("Saltmarsh Media", "media"), ("Ardent Mobility", "mobility"), ("Lumenfield", "education"),
    ("Parallax Security", "security"), ("Thimble", "retail"), ("Wayfinder Maps", "geo"),
    ("Tidewell Clinical", "health"), ("Foxglove Retail", "retail"),
    ("Granite Peak Bank", "finance"), ("Marigold Travel", "travel"),
    ("Sparrowhawk Telecom", "telecom"), ("Emberline", "climate"), ("Stratalane", "data"),
    ("Quietwater Legal", "legal"), ("Rookery Learning", "education"),
    ("Trellis Foods", "food"), ("Mosaic Genomics", "genomics"),
    ("Bluepeak Industrial", "manufacturing"), ("Quantfield", "finance"),
    ("Vireo Vision", "vision"),
)  # fmt: skip

PREFIXES = (
    "Aster", "Bramble", "Cairn", "Calder", "Clearwater", "Corvid", "Dunmore", "Elmstead",
    "Fathom", "Fieldstone", "Glimmer", "Greyfield", "Harborline", "Heron", "Inkwell", "Ironbark",
    "Keystone", "Lattice", "Lodestar", "Marlow", "Moorland", "Northgate", "Oakridge",
    "Ottercreek", "Pinecrest", "Quarry", "Redwing", "Riverbend", "Rowan", "Sable", "Skylark",
    "Stonebridge", "Sunwise", "Thistle", "Umber", "Vantage", "Willowmere", "Wren", "Yarrow",
    "Zephyr",
)  # fmt: skip
SUFFIX_SECTORS = {
    "Analytics": "retail", "Health": "health", "Bio": "bio", "Finance": "finance",
    "Pay": "finance", "Energy": "energy", "Logistics": "logistics", "AI": "ai", "Labs": "ai",
    "Vision": "vision", "Robotics": "robotics", "Media": "media", "Security": "security",
    "Learning": "education", "Insurance": "insurance", "Mobility": "mobility", "Games": "games",
    "Insights": "marketing", "Geospatial": "geo", "Data": "data", "Foods": "food",
    "Legal": "legal", "Travel": "travel", "Climate": "climate", "Networks": "telecom",
    "Industrial": "manufacturing",
}  # fmt: skip
COMPANY_SIZES = ("about 40", "around 120", "roughly 300", "more than 800", "over 2,000")
COMPANY_HOMES = ("London", "Toronto", "Berlin", "Austin", "Amsterdam", "Bangalore", "Boston",
                 "Singapore", "Sydney", "New York", "Paris", "Seattle")  # fmt: skip
COMPANY_CULTURE = (
    "Teams are small, own their work end to end and write things down.",
    "We hire for curiosity and care, and we invest in helping people grow.",
    "Most of the company works hybrid, and everyone gets time each quarter for learning.",
    "We publish our salary bands and review pay every year.",
)


# --- descriptions ------------------------------------------------------------------------------

YEARS = {
    ENTRY: "A degree in a quantitative field, a bootcamp, or projects that show the same skills",
    MID: "Two to five years of relevant experience",
    SENIOR: "Five or more years of relevant experience, including leading projects",
    EXEC: "Ten or more years of experience, several of them leading teams or managers",
}
TERMS = {
    FULL: "",
    PART: "This is a part-time position of about 20 hours a week, with hours you help set.",
    CONTRACT: "This is a six-month contract with a good chance of extension.",
    FREELANCE: "This is a freelance engagement: you invoice monthly and plan your own days.",
    INTERN: "This internship runs for twelve weeks, with a mentor and a real project to ship.",
    TEMP: "This is a fixed-term position of twelve months, covering a parental leave.",
}
BENEFITS = (
    "We offer health cover, a retirement plan with an employer match, flexible hours and a "
    "yearly budget for courses and conferences.",
    "Alongside the pay you get generous paid time off that people actually take, parental "
    "leave, a home-office allowance and time each quarter for learning.",
    "Benefits include private health insurance, an annual learning budget, regular team "
    "gatherings and help with relocation where it applies.",
)
PAY_NOTE = {
    True: "The range shown is what we expect to pay; where you land depends on experience.",
    False: "We share the pay range in the first conversation, before you invest any time.",
}
WORKPLACE_NOTES = {
    Workplace.ONSITE: "This role is based in our office, where the team works together every "
    "day. We help with relocation.",
    Workplace.HYBRID: "We meet in the office two or three days a week and work from home the "
    "rest of the time.",
    Workplace.REMOTE: "The role is fully remote within the area shown above; the team meets "
    "in person twice a year.",
}
