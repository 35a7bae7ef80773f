"""Demo content: AI, ML and data roles, and the role guides built on them.

Plain data. ``ROLES`` are structured role profiles; ``GUIDES`` explain one role or compare
two, and their role-data sections show each role's own entries from ``ROLES``. Fields that
take Markdown: role ``definition``; guide ``introduction``, ``outlook``, ``conclusion``,
section ``intro`` and ``notes``.
"""

from datetime import date

ROLES = [
    {
        "name": "Deep Learning Engineer",
        "slug": "deep-learning-engineer",
        "summary": (
            "Builds, trains and speeds up neural networks for images, language, audio and other "
            "problems where simpler models fall short."
        ),
        "definition": (
            "A deep learning engineer builds and trains neural networks — convolutional nets, "
            "transformers, sequence and diffusion models — and makes them fast and dependable "
            "enough to use. The work sits between research and production: reading a new paper is "
            "part of the job, and so is profiling a data loader that leaves the GPUs idle half the "
            "time. Most deep learning engineers specialize in one kind of data, such as images, "
            "text, audio or sensor streams."
        ),
        "responsibilities": [
            (
                "Choose and adapt network architectures, from convolutional nets to transformers, "
                "to suit the task and the compute budget."
            ),
            (
                "Build training pipelines that stream, clean and augment large datasets without "
                "starving the GPUs."
            ),
            (
                "Run training experiments, tune hyperparameters and diagnose failures such as "
                "divergence, overfitting or noisy labels."
            ),
            (
                "Make trained models smaller and faster with quantization, distillation or pruning "
                "so they meet latency and cost targets."
            ),
            (
                "Agree input formats, tests and performance baselines with software engineers "
                "before a model goes into a product."
            ),
            (
                "Follow new papers and reproduce the promising ones before proposing them for real "
                "projects."
            ),
        ],
        "skills": [
            "Fluent PyTorch, JAX or TensorFlow, including custom layers, losses and training loops",
            (
                "Linear algebra, probability and optimization at the level needed to debug a "
                "training run"
            ),
            (
                "Python for model code, plus enough C++ or CUDA to read and profile "
                "performance-critical kernels"
            ),
            "Distributed and mixed-precision training across several GPUs",
            "Data work at scale: sharding, augmentation and spotting label problems",
            "Disciplined experiments: strong baselines, ablations and honest evaluation splits",
        ],
        "education": [
            (
                "A degree in computer science, electrical engineering, mathematics or physics, "
                "often at master's level"
            ),
            (
                "Graduate coursework or a thesis involving neural networks is common, though not "
                "required"
            ),
            (
                "A public record of work — reproduced papers, open-source contributions, "
                "competition results — often counts as much as the degree"
            ),
        ],
        "tools": {
            "Frameworks": ["PyTorch", "TensorFlow", "JAX", "Hugging Face Transformers"],
            "Programming languages": ["Python", "C++", "CUDA"],
            "Data processing": ["NumPy", "pandas", "OpenCV", "Hugging Face Datasets"],
            "Experiment tracking": ["TensorBoard", "Weights & Biases", "MLflow"],
            "Cloud platforms": ["AWS", "Google Cloud", "Azure"],
        },
        "industries": {
            "Technology and software": "foundation models, search, speech assistants",
            "Healthcare": "radiology image analysis, pathology slide screening",
            "Automotive": "perception for driver assistance and autonomous driving",
            "Finance": "fraud detection on transaction sequences, document understanding",
        },
        "broader_titles": ["Machine Learning Engineer", "Engineer"],
    },
    {
        "name": "Lead Machine Learning Engineer",
        "slug": "lead-machine-learning-engineer",
        "summary": (
            "Leads a team that ships ML systems: sets technical direction, reviews designs and "
            "ties models to business goals."
        ),
        "definition": (
            "A lead machine learning engineer is accountable for a team's machine learning work, "
            "from framing the problem to a model that runs and is monitored in production. They "
            "still write code and review designs, but a growing share of the week goes to deciding "
            "what to build, unblocking engineers and explaining trade-offs to product and business "
            "leaders. The title usually means a senior hands-on engineer with team leadership "
            "duties rather than a full-time people manager."
        ),
        "responsibilities": [
            (
                "Turn business problems into scoped ML projects with success metrics, milestones "
                "and a fallback if the model underperforms."
            ),
            (
                "Set the team's standards for code review, testing, model evaluation and "
                "documentation."
            ),
            (
                "Review system designs and pull requests, and pair with engineers on the hardest "
                "problems."
            ),
            "Make build-or-buy decisions, from feature stores to hosted model APIs.",
            (
                "Coach engineers through design reviews and one-to-ones, and take part in hiring "
                "and performance reviews."
            ),
            (
                "Report progress, risks and model behavior to non-technical stakeholders in plain "
                "language."
            ),
            (
                "Own the production health of the team's models, including incident response and "
                "retraining plans."
            ),
        ],
        "skills": [
            "Hands-on experience shipping ML systems to production, not only prototypes",
            (
                "Broad command of classical ML (gradient boosting, linear models) as well as deep "
                "learning"
            ),
            "Software engineering discipline: testing, CI/CD, code review and service design",
            "Planning: cutting scope, sequencing work and estimating under uncertainty",
            "Clear writing and speaking for executives, product managers and engineers",
            "Coaching and giving direct, useful feedback",
        ],
        "education": [
            (
                "A degree in computer science, statistics, electrical engineering or another "
                "quantitative subject"
            ),
            (
                "Doctorates matter mainly on research-heavy teams; applied teams hire leads on "
                "track record"
            ),
            (
                "Usually five or more years in industry, including at least one model owned in "
                "production"
            ),
            (
                "Few employers ask for formal management training; evidence of leading projects or "
                "mentoring counts for more"
            ),
        ],
        "tools": {
            "Frameworks": ["scikit-learn", "XGBoost", "PyTorch", "TensorFlow"],
            "Project management": ["Jira", "Linear", "Confluence"],
            "Version control": ["Git", "GitHub", "GitLab"],
            "Deployment": ["Docker", "Kubernetes", "MLflow", "Amazon SageMaker"],
            "Cloud platforms": ["AWS", "Google Cloud", "Azure"],
        },
        "industries": {
            "E-commerce": "recommendations, search ranking, demand forecasting",
            "Telecommunications": "network capacity planning, churn prediction",
            "Finance": "credit risk scoring, fraud detection",
            "Manufacturing": "predictive maintenance, visual quality inspection",
        },
        "broader_titles": ["Machine Learning Engineer", "Engineer"],
    },
    {
        "name": "Machine Learning Engineer",
        "slug": "machine-learning-engineer",
        "summary": (
            "Turns models into production software: builds training pipelines, serves predictions "
            "and keeps models accurate over time."
        ),
        "definition": (
            "A machine learning engineer turns a modeling idea into software that runs every day: "
            "pipelines that compute features, jobs that train and evaluate models, and services "
            "that return predictions within a latency budget. The role blends software engineering "
            "with applied machine learning. The balance varies by employer — some ML engineers "
            "spend most of their time on models, others mostly on the systems around them."
        ),
        "responsibilities": [
            (
                "Build feature pipelines that produce the same values at training time and at "
                "prediction time."
            ),
            "Train, evaluate and compare models against a baseline the business already trusts.",
            "Package models as batch jobs or low-latency services and connect them to products.",
            "Write tests for data, features and model behavior, not only for code.",
            "Monitor predictions in production and retrain or roll back when quality slips.",
            (
                "Work with data scientists to turn notebook prototypes into maintainable, reviewed "
                "code."
            ),
        ],
        "skills": [
            "Strong Python and sound engineering habits: typing, testing, packaging",
            (
                "Applied ML: gradient-boosted trees, neural networks, evaluation metrics and their "
                "pitfalls"
            ),
            "SQL and experience with large-scale processing such as Spark",
            "Building APIs and batch jobs, and reasoning about latency and cost",
            "Containers, CI/CD and at least one major cloud platform",
            "Debugging models that look fine offline but misbehave with live traffic",
        ],
        "education": [
            (
                "Bachelor's degree in computer science, software engineering, mathematics or a "
                "related field"
            ),
            "A master's in machine learning or data science is common but not required",
            (
                "Many move in from backend engineering or data science with a portfolio of shipped "
                "projects"
            ),
        ],
        "tools": {
            "Frameworks": ["scikit-learn", "PyTorch", "XGBoost", "TensorFlow"],
            "Programming languages": ["Python", "SQL", "Scala"],
            "Data processing": ["pandas", "Apache Spark", "Polars"],
            "Deployment": ["Docker", "Kubernetes", "FastAPI"],
            "Experiment tracking": ["MLflow", "Weights & Biases"],
        },
        "industries": {
            "E-commerce": "product recommendations, search ranking",
            "Finance": "fraud scoring, credit decisioning",
            "Advertising": "click-through prediction, bid optimization",
            "Logistics": "delivery time estimates, demand forecasting",
        },
        "broader_titles": ["Software Engineer", "Engineer"],
    },
    {
        "name": "Data Scientist",
        "slug": "data-scientist",
        "summary": (
            "Uses statistics, experiments and models to answer business questions and guide "
            "product decisions."
        ),
        "definition": (
            "A data scientist turns messy data into decisions. Depending on the company, that "
            "means designing and reading A/B tests, building forecasting or churn models, or "
            "working out why a key metric moved. The output is usually an analysis, a "
            "recommendation or a prototype model rather than a production system, and explaining "
            "the result clearly matters as much as computing it."
        ),
        "responsibilities": [
            "Reframe vague business questions as analyses or experiments with a decision attached.",
            (
                "Design A/B tests, choose sample sizes and interpret results, including the "
                "inconclusive ones."
            ),
            (
                "Build predictive models for churn, demand or customer value, and validate them "
                "honestly."
            ),
            "Explore and clean data, recording the quirks and gaps that could mislead others.",
            (
                "Present findings to product managers and leaders with clear charts and a "
                "recommendation."
            ),
            (
                "Hand promising models to engineers with notes on features, assumptions and known "
                "limits."
            ),
        ],
        "skills": [
            (
                "Statistics: hypothesis testing, regression, experimental design and causal "
                "inference basics"
            ),
            "Python or R for analysis and modeling, plus strong SQL",
            "Machine learning fundamentals: feature engineering, cross-validation, overfitting",
            "Data visualization and clear analytical writing",
            "Business sense: knowing which number matters and what would change a decision",
            "Healthy suspicion of data quality and of results that look too good",
        ],
        "education": [
            (
                "Degree in statistics, mathematics, economics, computer science or a quantitative "
                "science"
            ),
            "A master's or PhD is common, especially on experimentation and research-heavy teams",
            (
                "People moving over from analytics, economics or lab science often succeed with a "
                "solid project portfolio"
            ),
        ],
        "tools": {
            "Programming languages": ["Python", "R", "SQL"],
            "Frameworks": ["scikit-learn", "statsmodels", "XGBoost"],
            "Data processing": ["pandas", "Polars", "Apache Spark"],
            "Visualization": ["Matplotlib", "seaborn", "Plotly", "Tableau"],
        },
        "industries": {
            "Technology": "product analytics, experimentation platforms",
            "Retail and e-commerce": "pricing, demand forecasting, customer segmentation",
            "Healthcare": "clinical outcomes research, hospital capacity planning",
            "Finance and insurance": "risk modeling, claims analysis",
        },
        "broader_titles": ["Scientist"],
    },
    {
        "name": "Data Engineer",
        "slug": "data-engineer",
        "summary": (
            "Builds and runs the pipelines, warehouses and lakes that deliver reliable data to "
            "analysts, scientists and models."
        ),
        "definition": (
            "A data engineer builds the systems that collect, move, store and serve data: "
            "ingestion from applications and outside vendors, batch and streaming pipelines, and "
            "the warehouse or lakehouse where everyone else works. The job is judged on "
            "reliability — data that arrives on time, matches its source and doesn't break "
            "downstream reports when a schema changes."
        ),
        "responsibilities": [
            (
                "Build ingestion from application databases, event streams and third-party APIs "
                "into a warehouse or lake."
            ),
            (
                "Design batch and streaming pipelines that are idempotent, observable and cheap to "
                "rerun."
            ),
            (
                "Plan storage layouts, partitioning and retention so queries stay fast and costs "
                "stay predictable."
            ),
            "Add data quality checks and alerts that catch bad loads before users do.",
            "Manage access controls and the handling of personal data in line with privacy rules.",
            (
                "Give analysts, data scientists and ML engineers the datasets they need, with "
                "clear ownership."
            ),
        ],
        "skills": [
            "Advanced SQL and data modeling, including star schemas and slowly changing dimensions",
            "Python, Scala or Java for pipeline code",
            "Distributed processing with Spark or a similar engine",
            "Orchestration and streaming with tools such as Airflow, Dagster and Kafka",
            "Cloud data services, infrastructure as code and cost control",
            "Operational habits: on-call, backfills and incident write-ups",
        ],
        "education": [
            "Bachelor's degree in computer science, information systems or engineering",
            "Many come from backend software engineering or database administration",
            (
                "Vendor certifications from AWS, Google Cloud, Databricks or Snowflake can help "
                "with a first role"
            ),
        ],
        "tools": {
            "Programming languages": ["Python", "SQL", "Scala", "Java"],
            "Data processing": ["Apache Spark", "Apache Kafka", "Apache Airflow", "dbt"],
            "Cloud platforms": ["AWS", "Google Cloud", "Azure", "Snowflake", "Databricks"],
            "Deployment": ["Docker", "Terraform", "Kubernetes"],
            "Version control": ["Git", "GitHub"],
        },
        "industries": {
            "Technology and SaaS": "product event pipelines, usage-based billing",
            "Finance": "transaction ledgers, regulatory reporting",
            "Retail": "inventory and point-of-sale data",
            "Healthcare": "insurance claims and health record integration",
        },
        "broader_titles": ["Software Engineer", "Engineer"],
    },
    {
        "name": "Data Analyst",
        "slug": "data-analyst",
        "summary": (
            "Answers business questions with SQL, spreadsheets and dashboards, and explains what "
            "the numbers mean."
        ),
        "definition": (
            "A data analyst answers concrete questions about a business — which channel brings the "
            "best customers, why returns rose last month, how a launch is going — using SQL, "
            "spreadsheets and BI tools. Analysts build the dashboards people check every morning, "
            "and they are often the first to notice when a number looks wrong."
        ),
        "responsibilities": [
            (
                "Write SQL to pull, join and aggregate data for recurring reports and one-off "
                "questions."
            ),
            "Build and maintain dashboards used by teams across the business.",
            (
                "Agree metric definitions with stakeholders and document exactly how each is "
                "calculated."
            ),
            "Investigate sudden changes in key numbers and separate real shifts from data errors.",
            "Present findings with clear charts and a short written summary.",
            "Flag gaps and inconsistencies in source data to the teams that own it.",
        ],
        "skills": [
            "Strong SQL, including window functions and careful joins",
            "Spreadsheet fluency (pivot tables, lookups) for quick analysis",
            "At least one BI tool such as Tableau, Power BI or Looker",
            "Descriptive statistics and basic experimental reasoning",
            "Clear writing and chart design for non-technical readers",
            "Working knowledge of the business area they support",
        ],
        "education": [
            "Bachelor's degree in business, economics, statistics, mathematics or a related field",
            "Certificates or bootcamps in SQL and BI tools are a common route into a first role",
            (
                "Experience in a business function such as finance, marketing or operations can "
                "count as much as a technical degree"
            ),
        ],
        "tools": {
            "Programming languages": ["SQL", "Python", "R"],
            "Data processing": ["Excel", "Google Sheets", "pandas"],
            "Visualization": ["Tableau", "Power BI", "Looker"],
        },
        "industries": {
            "Retail and e-commerce": "sales reporting, marketing attribution",
            "Finance": "budget variance, portfolio reporting",
            "Healthcare": "patient flow, operational dashboards",
            "Public sector": "service performance, program evaluation",
        },
        "broader_titles": ["Analyst"],
    },
    {
        "name": "Analytics Engineer",
        "slug": "analytics-engineer",
        "summary": (
            "Turns raw warehouse data into tested, documented models and metrics that analysts and "
            "dashboards can trust."
        ),
        "definition": (
            "An analytics engineer works between data engineering and analysis. Once raw data "
            "lands in the warehouse, they transform it into clean, well-named, tested tables — "
            "usually in SQL with dbt — and define the business metrics everyone should use. They "
            "bring software habits such as version control, code review and automated tests to "
            "work that used to live in scattered ad-hoc queries."
        ),
        "responsibilities": [
            (
                "Write and maintain SQL transformation models that turn raw tables into "
                "analysis-ready datasets."
            ),
            (
                "Define core business metrics once, in code, so every dashboard reports the same "
                "number."
            ),
            "Add tests for freshness, uniqueness and accepted values, and fix failures quickly.",
            "Document models and columns so analysts can find and trust the right table.",
            "Review analysts' changes and keep naming and modeling conventions consistent.",
            "Speed up slow or expensive warehouse queries and retire models nobody uses.",
        ],
        "skills": [
            "Expert SQL and dimensional modeling",
            "dbt or a similar transformation framework",
            "Git-based workflow: branches, pull requests and CI checks",
            "Understanding of the business domain and how its metrics are used",
            "Basic Python for scripts and tooling",
            "Communicating with data engineers and business users alike",
        ],
        "education": [
            (
                "Degree in a quantitative field, information systems, or business with technical "
                "coursework"
            ),
            "Most move in from data analyst roles after picking up engineering practices",
            "dbt's own courses and certification are a common, practical credential",
        ],
        "tools": {
            "Data processing": ["dbt", "Snowflake", "BigQuery", "Fivetran"],
            "Programming languages": ["SQL", "Python", "Jinja"],
            "Visualization": ["Looker", "Tableau", "Metabase"],
            "Version control": ["Git", "GitHub", "GitLab"],
        },
        "industries": {
            "Technology and SaaS": "subscription metrics, product usage models",
            "E-commerce": "order, margin and customer lifetime models",
            "Fintech": "payment reconciliation, revenue reporting",
            "Marketplaces": "supply and demand balance, take-rate reporting",
        },
        "broader_titles": ["Data Engineer", "Engineer"],
    },
    {
        "name": "MLOps Engineer",
        "slug": "mlops-engineer",
        "summary": (
            "Builds the platform and automation that take models from training to reliable, "
            "monitored production."
        ),
        "definition": (
            "An MLOps engineer builds and runs the infrastructure machine learning depends on: "
            "training clusters, pipelines that retrain and validate models, model registries, "
            "serving platforms and monitoring. Where a machine learning engineer usually owns "
            "particular models, an MLOps engineer owns the shared platform that lets every team "
            "ship and operate models safely. The role grew out of DevOps and site reliability "
            "engineering."
        ),
        "responsibilities": [
            (
                "Build CI/CD pipelines that test, package and deploy models with a clear approval "
                "step."
            ),
            (
                "Run training and serving infrastructure on Kubernetes or managed cloud services, "
                "including GPU scheduling."
            ),
            (
                "Maintain a model registry and lineage so any prediction can be traced to its "
                "code, data and model version."
            ),
            (
                "Monitor latency, errors, data drift and prediction quality, with alerts people "
                "act on."
            ),
            "Automate retraining, canary releases and rollbacks.",
            (
                "Keep cloud and GPU spending under control with autoscaling, spot capacity and "
                "usage reports."
            ),
        ],
        "skills": [
            "Linux, containers and Kubernetes in production",
            "Infrastructure as code (Terraform, Helm) and CI/CD systems",
            "Python, plus a working understanding of how models are trained and evaluated",
            "Observability: metrics, logs, tracing and alert design",
            "Cloud platforms and their managed ML services",
            "Security basics: secrets, access control and software supply-chain checks",
        ],
        "education": [
            "Bachelor's degree in computer science, software engineering or a related field",
            "Most arrive from DevOps, SRE or backend engineering and learn the ML side on the job",
            "Cloud and Kubernetes certifications, such as CKA, are valued signals",
        ],
        "tools": {
            "Deployment": ["Docker", "Kubernetes", "Kubeflow", "KServe"],
            "Experiment tracking": ["MLflow", "Weights & Biases"],
            "Cloud platforms": ["AWS", "Google Cloud", "Azure"],
            "Version control": ["Git", "DVC", "GitLab"],
            "Programming languages": ["Python", "Go", "Bash"],
        },
        "industries": {
            "Technology": "internal ML platforms serving many product teams",
            "Finance": "audited model deployment, model risk controls",
            "E-commerce": "real-time recommendation and pricing services",
            "Healthcare": "validated, traceable deployment of clinical models",
        },
        "broader_titles": ["Machine Learning Engineer", "DevOps Engineer", "Engineer"],
    },
    {
        "name": "AI Research Scientist",
        "slug": "ai-research-scientist",
        "summary": (
            "Invents and tests new machine learning methods, publishes results and shapes what "
            "engineering teams build next."
        ),
        "definition": (
            "An AI research scientist works on open problems in machine learning: new "
            "architectures, training methods, evaluation techniques, or ways to make models safer "
            "and cheaper to run. Success means ideas that hold up — papers, benchmark results, "
            "internal findings that change a product plan. In industry labs the line between "
            "research and engineering is thin, and many research scientists write a great deal of "
            "serious code."
        ),
        "responsibilities": [
            (
                "Pick open problems and form hypotheses that can be tested within a realistic "
                "compute budget."
            ),
            (
                "Design and run experiments, including ablations that show which part of a method "
                "actually matters."
            ),
            "Write papers, internal reports and talks that others can reproduce and build on.",
            (
                "Track the literature, review peers' papers and keep an honest account of "
                "competing results."
            ),
            "Work with engineers to carry promising methods into products or larger training runs.",
            "Mentor interns and junior researchers.",
        ],
        "skills": [
            (
                "Depth in at least one area such as language models, vision, reinforcement "
                "learning or optimization"
            ),
            "Strong mathematics: probability, linear algebra and optimization theory",
            "Fast, clean experimental code in Python with PyTorch or JAX",
            "Scientific writing and presentation",
            "Judgment about which questions are worth the compute",
            "Reading and critiquing research quickly",
        ],
        "education": [
            (
                "A PhD in machine learning, computer science, statistics, physics or a related "
                "field is the usual requirement"
            ),
            "Publications at venues such as NeurIPS, ICML, ICLR, CVPR or ACL",
            "Some labs hire strong master's graduates or engineers with notable open research",
        ],
        "tools": {
            "Frameworks": ["PyTorch", "JAX", "Hugging Face Transformers"],
            "Programming languages": ["Python", "C++", "CUDA"],
            "Experiment tracking": ["Weights & Biases", "TensorBoard"],
            "Visualization": ["Matplotlib", "seaborn"],
            "Cloud platforms": ["Google Cloud", "AWS"],
        },
        "industries": {
            "AI labs and big tech": "foundation models, alignment and safety research",
            "Life sciences": "protein structure prediction, drug discovery",
            "Robotics and automotive": "planning, perception and control",
            "Academia and public research": "scientific machine learning, climate modeling",
        },
        "broader_titles": ["Research Scientist", "Scientist"],
    },
    {
        "name": "NLP Engineer",
        "slug": "nlp-engineer",
        "summary": (
            "Builds systems that read, search and generate text, from document extraction to chat "
            "assistants built on LLMs."
        ),
        "definition": (
            "An NLP engineer builds software that works with human language: routing support "
            "tickets, pulling fields out of contracts, ranking search results, translating, or "
            "answering questions with a large language model. Much of the work now means adapting "
            "pretrained models through fine-tuning, prompting and retrieval, then measuring "
            "whether the output is actually right — which is harder with language than with most "
            "other data."
        ),
        "responsibilities": [
            (
                "Build text pipelines for cleaning, tokenization, language detection and "
                "deduplication."
            ),
            (
                "Fine-tune or prompt pretrained language models for classification, extraction, "
                "summarization or generation."
            ),
            (
                "Design retrieval-augmented systems: chunking, embeddings, vector search and "
                "reranking."
            ),
            (
                "Create evaluation sets and metrics, including human review, that catch errors and "
                "fabricated answers."
            ),
            "Deploy language models with attention to latency, cost per request and data privacy.",
            "Work with domain experts to label data and write annotation guidelines.",
        ],
        "skills": [
            "Transformer models and the Hugging Face ecosystem",
            "Core NLP: tokenization, embeddings, sequence labeling and information retrieval",
            "Python with solid engineering practices",
            "Evaluation design for open-ended text output",
            "LLM application patterns: prompting, tool calling, retrieval and guardrails",
            "Handling multilingual text and specialist vocabulary",
        ],
        "education": [
            "Degree in computer science, computational linguistics or a related field",
            "A master's focused on NLP is common, and a linguistics background is an asset",
            "Many transition from software or ML engineering through LLM application projects",
        ],
        "tools": {
            "Frameworks": [
                "PyTorch",
                "Hugging Face Transformers",
                "spaCy",
                "sentence-transformers",
            ],
            "Programming languages": ["Python", "SQL"],
            "Data processing": ["pandas", "Hugging Face Datasets", "Elasticsearch", "FAISS"],
            "Deployment": ["vLLM", "Docker", "FastAPI"],
            "Experiment tracking": ["Weights & Biases", "MLflow"],
        },
        "industries": {
            "Technology": "search, assistants, content moderation",
            "Legal": "contract review, e-discovery",
            "Finance": "document extraction, analysis of news and company filings",
            "Healthcare": "clinical note coding, patient message triage",
            "Customer service": "ticket routing, support chatbots",
        },
        "broader_titles": ["Machine Learning Engineer", "Engineer"],
    },
    {
        "name": "Computer Vision Engineer",
        "slug": "computer-vision-engineer",
        "summary": (
            "Builds systems that interpret images and video: detection, segmentation, tracking and "
            "3D perception."
        ),
        "definition": (
            "A computer vision engineer builds systems that get information out of images and "
            "video — spotting defects on a production line, reading documents, following objects "
            "across camera frames, or estimating depth for a robot. The job combines deep learning "
            "with classical geometry and image processing, and the finished model often runs on "
            "constrained hardware: a camera, a phone or an embedded GPU rather than a data center."
        ),
        "responsibilities": [
            (
                "Collect and curate image and video datasets, and write labeling guidelines for "
                "annotators."
            ),
            "Train and fine-tune models for detection, segmentation, classification and tracking.",
            (
                "Use classical techniques such as camera calibration, homography and filtering "
                "where learning is unnecessary."
            ),
            (
                "Optimize models for edge devices with quantization and runtimes such as TensorRT "
                "or ONNX Runtime."
            ),
            (
                "Test performance under real conditions: poor lighting, occlusion, rare classes "
                "and new camera models."
            ),
            (
                "Connect vision models to cameras, sensors and the control or business systems "
                "that act on their output."
            ),
        ],
        "skills": [
            "Convolutional and transformer-based vision models",
            "Image processing and multi-view geometry fundamentals",
            "Python and C++, with attention to real-time performance",
            "Data curation and annotation quality control",
            "Model optimization and deployment on edge hardware",
            "Evaluation with metrics such as mAP and IoU, plus failure-case analysis",
        ],
        "education": [
            "Degree in computer science, electrical engineering, robotics or applied mathematics",
            (
                "A master's or PhD with a vision focus is common for perception roles in robotics "
                "and automotive"
            ),
            (
                "A portfolio of deployed vision projects can stand in for graduate study in "
                "applied roles"
            ),
        ],
        "tools": {
            "Frameworks": ["PyTorch", "OpenCV", "Detectron2", "Ultralytics YOLO"],
            "Programming languages": ["Python", "C++", "CUDA"],
            "Data processing": ["NumPy", "Albumentations", "CVAT"],
            "Deployment": ["TensorRT", "ONNX Runtime", "Docker"],
        },
        "industries": {
            "Manufacturing": "visual inspection, defect detection",
            "Automotive": "driver assistance, lane and pedestrian detection",
            "Retail": "shelf monitoring, checkout-free stores",
            "Healthcare": "medical imaging, surgical video analysis",
            "Agriculture": "crop health monitoring, yield estimation",
        },
        "broader_titles": ["Machine Learning Engineer", "Engineer"],
    },
]

GUIDES = [
    {
        "title": "Deep Learning Engineer vs Lead Machine Learning Engineer",
        "slug": "deep-learning-engineer-vs-lead-machine-learning-engineer",
        "subtitle": (
            "One role goes deep on neural networks, the other answers for what a whole ML team "
            "delivers. Here is how the jobs differ and how to pick."
        ),
        "seo_description": (
            "Deep Learning Engineer vs Lead ML Engineer: duties, skills, tools, education and "
            "career paths compared, plus practical tips for choosing."
        ),
        "first_role": "deep-learning-engineer",
        "second_role": "lead-machine-learning-engineer",
        "status": "published",
        "published": date(2024, 10, 30),
        "introduction": (
            "The two titles turn up on the same job boards and often on the same team, yet they "
            "describe different jobs. A [deep learning engineer](/roles/deep-learning-engineer/) "
            "is a specialist, valued for models that train well, run fast and beat the baseline. A "
            "[lead machine learning engineer](/roles/lead-machine-learning-engineer/) answers for "
            "a team's output: which models get built, whether they reach production, and whether "
            "they move a number the business cares about.\n\n"
            "They are not two rungs of one ladder. Plenty of deep learning engineers reach staff "
            "level without ever leading a team, and many leads come from classical ML or backend "
            "engineering rather than from neural networks. Below, we compare the roles section by "
            "section, look at how they work together, and finish with where demand is heading and "
            "how to prepare for either path."
        ),
        "sections": [
            {
                "kind": "definition",
                "notes": {
                    "deep-learning-engineer": (
                        "The key word is **specialist**. The role exists because neural networks "
                        "reward expertise a generalist rarely has time to build: architecture "
                        "choices, training stability, GPU efficiency."
                    ),
                    "lead-machine-learning-engineer": (
                        "The key word is **accountable**. A lead is judged by what the team ships, "
                        "so their own commits are only part of the picture."
                    ),
                },
            },
            {
                "kind": "responsibilities",
                "notes": {
                    "deep-learning-engineer": (
                        "Most of the week goes into experiments. Feedback loops are slow — one "
                        "training run can take hours or days — so planning which runs are worth "
                        "doing is a skill in itself."
                    ),
                    "lead-machine-learning-engineer": (
                        "The work spreads across people, planning and production. Expect the "
                        "hands-on share to shrink as the team grows, and code review to become the "
                        "main way you shape the codebase."
                    ),
                },
            },
            {
                "kind": "skills",
                "notes": {
                    "deep-learning-engineer": (
                        "Depth beats breadth. Interviewers will probe whether you can explain "
                        "*why* a loss curve went flat, not whether you have touched every "
                        "framework."
                    ),
                    "lead-machine-learning-engineer": (
                        "Breadth plus judgment. A lead needs to know enough of the stack to spot a "
                        "weak design, and enough of the business to stop a project that is not "
                        "paying off."
                    ),
                },
            },
            {
                "kind": "education",
                "notes": {
                    "deep-learning-engineer": (
                        "Graduate study pays off most here, because so much of the work builds on "
                        "recent research. A portfolio of reproduced papers is the main "
                        "alternative."
                    ),
                    "lead-machine-learning-engineer": (
                        "Track record outweighs degrees. Hiring managers look for models you have "
                        "owned in production and engineers you have helped grow. A PhD is "
                        "sometimes requested for leads of research-heavy teams; applied teams "
                        "rarely ask."
                    ),
                },
            },
            {
                "kind": "tools",
                "notes": {
                    "deep-learning-engineer": (
                        "The toolkit centers on training: a framework, GPU tooling and experiment "
                        "tracking. Knowing one framework inside out is worth more than a passing "
                        "knowledge of three. Expect to spend real time in profilers and GPU "
                        "monitors, not only in notebooks."
                    ),
                    "lead-machine-learning-engineer": (
                        "Leads use a few tools deeply and many lightly. Planning and review tools "
                        "take real hours, and the lead usually decides how the team packages and "
                        "deploys models."
                    ),
                },
            },
            {
                "kind": "industries",
                "notes": {
                    "deep-learning-engineer": (
                        "Demand clusters where data is unstructured — images, audio, text — and "
                        "where model quality is the product itself. Autonomous driving, medical "
                        "imaging and large-scale search all keep dedicated deep learning teams."
                    ),
                    "lead-machine-learning-engineer": (
                        "Leads are hired wherever ML has become a business-critical system with a "
                        "team around it, including many companies that use little or no deep "
                        "learning. In retail, telecoms and banking the models may be "
                        "gradient-boosted trees, but the stakes justify someone who owns them end "
                        "to end."
                    ),
                },
            },
            {
                "kind": "custom",
                "heading": "How the two roles work together",
                "intro": (
                    "On many teams the two sit side by side, and the split of responsibilities is "
                    "fairly predictable. Friction usually comes from the middle ground — "
                    "evaluation and serving — so it pays to agree early who decides what."
                ),
                "notes": {
                    "deep-learning-engineer": (
                        "The deep learning engineer owns the **model question**: which "
                        "architecture, what data, how to train it, and what accuracy is realistic "
                        "at what cost. They bring evidence to the lead — learning curves, "
                        "ablations, latency measurements on the target hardware — along with a "
                        "recommendation, such as whether a smaller distilled model is good enough "
                        "to ship."
                    ),
                    "lead-machine-learning-engineer": (
                        "The lead owns the **delivery question**: whether the gain justifies the "
                        "engineering effort, how the model will be served and monitored, and who "
                        "maintains it after launch. A good lead protects the specialist's time for "
                        "focused experiments while agreeing a date by which the work must show "
                        "results or be shelved."
                    ),
                },
            },
        ],
        "outlook": (
            "Hiring for both roles follows how much machine learning companies actually run in "
            "production. Deep learning work has shifted: fewer employers train large models from "
            "scratch, and many more fine-tune, compress and serve pretrained ones. That favors "
            "engineers who understand efficiency and evaluation — quantization, inference "
            "optimization, measuring a foundation model on a company's own data — over those who "
            "can only launch a training script. Specialists in a field with hard data problems, "
            "such as medical imaging or robot perception, remain difficult to hire. Pay follows a "
            "similar logic: specialists are paid for scarce expertise, leads for the size and "
            "importance of what they own.\n\n"
            "Lead roles appear as ML teams mature. Once a company has several models in "
            "production, it needs someone to set standards, manage risk and argue for headcount, "
            "so lead positions tend to open a few years after the first ML hires. From a lead "
            "role, common next steps are engineering manager, head of machine learning, or a staff "
            "or principal track that stays technical. Deep learning engineers more often move "
            "toward senior specialist roles or research engineering — or, after some project "
            "leadership, into the lead role compared here."
        ),
        "tips": [
            (
                "Decide what kind of problem you enjoy",
                (
                    "If you like long, focused work on one hard modeling problem, aim for deep "
                    "learning. If you get more satisfaction from unblocking others and shipping, "
                    "aim for the lead track."
                ),
            ),
            (
                "Reproduce one paper end to end",
                (
                    "For deep learning roles, re-implementing a recent paper and matching its "
                    "reported numbers — or documenting why you could not — says more than a dozen "
                    "tutorial projects."
                ),
            ),
            (
                "Own something in production",
                (
                    "Leads are hired on evidence that they have kept a model healthy after launch. "
                    "Volunteer for the retraining pipeline, the monitoring dashboard or the "
                    "on-call rotation."
                ),
            ),
            (
                "Write down your trade-offs",
                (
                    "Keep one-page design notes for your projects: the options, their costs and "
                    "your recommendation. The habit is the core of the lead job and stands out in "
                    "deep learning interviews too."
                ),
            ),
            (
                "Lead before you have the title",
                (
                    "Mentor an intern, run a paper reading group or coordinate a small cross-team "
                    "project. Hiring managers for lead roles look for exactly this evidence."
                ),
            ),
        ],
        "conclusion": (
            "Choose the deep learning path if you want your expertise to live in the model itself, "
            "and the lead path if you want to be measured by what a team delivers. Neither is the "
            "senior version of the other, and many careers move between them: a few years of deep "
            "specialization makes for a more credible lead, and leading a project teaches a "
            "specialist which experiments matter. For neighboring comparisons, read [AI Research "
            "Scientist vs Deep Learning "
            "Engineer](/guides/ai-research-scientist-vs-deep-learning-engineer/) and [MLOps "
            "Engineer vs Machine Learning "
            "Engineer](/guides/mlops-engineer-vs-machine-learning-engineer/)."
        ),
        "related": [
            "ai-research-scientist-vs-deep-learning-engineer",
            "mlops-engineer-vs-machine-learning-engineer",
            "machine-learning-engineer-vs-data-scientist",
        ],
    },
    {
        "title": "Data Scientist vs Data Engineer",
        "slug": "data-scientist-vs-data-engineer",
        "subtitle": (
            "One asks questions of the data, the other makes sure the data is there to ask. A "
            "side-by-side look at both careers."
        ),
        "seo_description": (
            "Data Scientist vs Data Engineer: how the daily work, skills, tools and career paths "
            "differ, with practical tips for breaking into either role."
        ),
        "first_role": "data-scientist",
        "second_role": "data-engineer",
        "status": "published",
        "published": date(2024, 12, 10),
        "introduction": (
            "Data scientists and data engineers depend on each other so closely that job ads "
            "sometimes blur the two. The simplest way to separate them: a **data engineer** builds "
            "and runs the systems that deliver data, and a **data scientist** uses that data to "
            "answer questions and build models.\n\n"
            "The difference shows most clearly in how each is judged. A data engineer has done "
            "well when pipelines run on time and nobody has to think about them. A data scientist "
            "has done well when an analysis changes a decision. If you are choosing between the "
            "two, ask which of those outcomes you would rather be responsible for."
        ),
        "sections": [
            {"kind": "definition"},
            {
                "kind": "responsibilities",
                "notes": {
                    "data-scientist": (
                        "A large share of the time goes into framing the question and checking the "
                        "data; the modeling itself is often the shortest step."
                    ),
                    "data-engineer": (
                        "The rhythm is closer to software operations: code review, deployments, "
                        "backfills and the occasional early-morning alert."
                    ),
                },
            },
            {
                "kind": "skills",
                "notes": {
                    "data-engineer": (
                        "SQL is shared ground. From there, data engineers go deeper into "
                        "distributed systems and storage, while data scientists go deeper into "
                        "statistics."
                    ),
                },
            },
            {
                "kind": "education",
                "notes": {
                    "data-scientist": (
                        "Graduate degrees are more common among data scientists, especially on "
                        "experimentation-heavy teams."
                    ),
                    "data-engineer": (
                        "Hiring managers care more about what you have built than what you "
                        "studied; a backend engineering background transfers almost directly."
                    ),
                },
            },
            {
                "kind": "tools",
                "notes": {
                    "data-scientist": (
                        "Data scientists mostly use the platforms data engineers run. Knowing how "
                        "your warehouse bills for queries still saves money and friction."
                    ),
                },
            },
            {
                "kind": "industries",
                "notes": {
                    "data-engineer": (
                        "Any company with more than a handful of data sources needs data "
                        "engineers, so the range of employers is unusually wide."
                    ),
                },
            },
        ],
        "outlook": (
            "Both roles remain in steady demand, but their shape is changing. Data engineering "
            "hiring follows investment in cloud warehouses, streaming and the data that feeds AI "
            "systems; no ML project gets far without dependable pipelines. Data science has split "
            "into specialisms — experimentation and product analytics on one side, modeling work "
            "that overlaps with [ML engineering](/roles/machine-learning-engineer/) on the other — "
            "and pure generalist postings are less common than they once were.\n\n"
            "Career paths diverge too. Data engineers often move into platform engineering, data "
            "architecture or engineering management. Data scientists progress to senior and "
            "principal roles, cross over into ML engineering, or take product and strategy jobs "
            "where analytical judgment is prized."
        ),
        "tips": [
            (
                "Learn SQL properly either way",
                (
                    "Window functions, common table expressions and reading a query plan pay off "
                    "in both careers, and both interview loops test them."
                ),
            ),
            (
                "Build a pipeline, then analyze its output",
                (
                    "A project that loads a public dataset on a schedule and then answers a real "
                    "question with it shows both skill sets, and tells you which half you enjoyed."
                ),
            ),
            (
                "Show production habits for data engineering",
                (
                    "Add tests, retries and a README to portfolio pipelines. Reviewers look for "
                    "code that could survive a bad night, not just code that ran once."
                ),
            ),
            (
                "Show a decision for data science",
                (
                    "Frame each portfolio analysis around a choice someone could make, and put "
                    "your recommendation in the first paragraph."
                ),
            ),
            (
                "Ask about on-call",
                (
                    "Pipelines fail at night and on holidays. In data engineering interviews, ask "
                    "how the on-call rotation works so you know what you are signing up for."
                ),
            ),
        ],
        "conclusion": (
            "If you like building systems that other people rely on, data engineering offers clear "
            "problems and visible impact when things go wrong or right. If you would rather spend "
            "your days on questions whose answers are uncertain, data science is the better fit. "
            "The two roles trade skills constantly, so time spent in one is never wasted if you "
            "later move to the other."
        ),
        "related": [
            "machine-learning-engineer-vs-data-scientist",
            "data-analyst-vs-analytics-engineer",
        ],
    },
    {
        "title": "Machine Learning Engineer vs Data Scientist",
        "slug": "machine-learning-engineer-vs-data-scientist",
        "subtitle": (
            "Both build models; they differ in where the model ends up and what counts as finished."
        ),
        "seo_description": (
            "Machine Learning Engineer vs Data Scientist: where the roles overlap, where they "
            "split, and which skills, tools and degrees each one needs."
        ),
        "first_role": "machine-learning-engineer",
        "second_role": "data-scientist",
        "status": "published",
        "published": date(2025, 2, 18),
        "introduction": (
            "Ask ten companies to separate these roles and you will get ten answers, because the "
            "overlap is real: both train models, both write Python, both argue about evaluation "
            "metrics. The useful distinction is what counts as *done*. For a **data scientist**, "
            "done is usually an answer — a forecast, a test result, a recommendation backed by "
            "evidence. For a **machine learning engineer**, done is a model running in a product, "
            "with tests, monitoring and someone on call.\n\n"
            "That difference drives everything else: the skills each role emphasizes, the tools "
            "they spend time in and the kinds of companies that hire them in numbers."
        ),
        "sections": [
            {"kind": "definition"},
            {
                "kind": "responsibilities",
                "notes": {
                    "machine-learning-engineer": (
                        "Expect more time on pipelines, serving and monitoring than on choosing "
                        "algorithms."
                    ),
                    "data-scientist": (
                        "Expect more time on question framing, experiment design and presenting "
                        "results than on deployment."
                    ),
                },
            },
            {
                "kind": "skills",
                "notes": {
                    "machine-learning-engineer": (
                        "Software engineering is the differentiator: interviews usually include "
                        "coding and system design rounds."
                    ),
                    "data-scientist": (
                        "Statistics is the differentiator: expect questions on experiment design, "
                        "bias and interpreting noisy results."
                    ),
                },
            },
            {
                "kind": "education",
                "notes": {
                    "machine-learning-engineer": (
                        "Computer science is the most common base, since the job is software "
                        "engineering first."
                    ),
                    "data-scientist": (
                        "Graduate degrees in quantitative fields are more common here than in ML "
                        "engineering."
                    ),
                },
            },
            {
                "kind": "tools",
                "notes": {
                    "machine-learning-engineer": (
                        "Most of the day is spent in an editor, the terminal and CI rather than in "
                        "notebooks."
                    ),
                    "data-scientist": (
                        "Notebooks and BI tools dominate, with the warehouse behind them."
                    ),
                },
            },
            {
                "kind": "industries",
                "notes": {
                    "machine-learning-engineer": (
                        "ML engineers cluster where predictions are served at scale: marketplaces, "
                        "advertising, payments."
                    ),
                },
            },
            {
                "kind": "custom",
                "heading": "Where the handoff happens",
                "notes": {
                    "data-scientist": (
                        "The data scientist usually proves that a model is worth having: they show "
                        "on historical data that it beats the current approach and estimate what "
                        "that is worth."
                    ),
                    "machine-learning-engineer": (
                        "The machine learning engineer makes it survive contact with production: "
                        "consistent features, a serving path, tests and a plan for when the data "
                        "shifts."
                    ),
                },
            },
        ],
        "outlook": (
            "Demand has tilted toward engineering as companies move from experimenting with ML to "
            "depending on it; a prototype that never ships is harder to justify than it used to "
            "be. Data scientists who can write production-quality code, or who specialize in "
            "experimentation and causal questions, remain well placed.\n\n"
            "Movement between the roles is common. Data scientists often become ML engineers by "
            "taking on the deployment of their own models, and ML engineers who enjoy the "
            "analytical side sometimes move the other way. From either role, senior paths lead "
            "toward staff positions, [lead machine learning "
            "engineer](/roles/lead-machine-learning-engineer/) roles or data science management."
        ),
        "tips": [
            (
                "Ship one model end to end",
                (
                    "Take a small model all the way to a hosted API with tests and basic "
                    "monitoring. It is the single most convincing project for ML engineering "
                    "roles."
                ),
            ),
            (
                "Run a real experiment",
                (
                    "For data science, design and analyze an A/B test — even on a personal website "
                    "or a public dataset — and write up what you would decide."
                ),
            ),
            (
                "Read job ads for the verbs",
                (
                    "Ads that say *deploy*, *scale* and *maintain* describe ML engineering "
                    "whatever the title; ads that say *analyze*, *test* and *advise* describe data "
                    "science."
                ),
            ),
            (
                "Pair with the other side",
                (
                    "If you work in one role, offer to help the other with a handoff. You learn "
                    "the missing half of the skill set faster than any course can teach it."
                ),
            ),
            (
                "Learn deployment basics anyway",
                (
                    "Even data scientists who never ship a service benefit from knowing Docker and "
                    "how an API is called; it makes handoffs much shorter."
                ),
            ),
        ],
        "conclusion": (
            "Pick machine learning engineering if you want your models to run in products and you "
            "enjoy the engineering that keeps them there. Pick data science if you want to answer "
            "questions and influence decisions with evidence. The boundary is porous, and the "
            "strongest people in either role understand enough of the other to make the handoff "
            "smooth."
        ),
        "related": [
            "mlops-engineer-vs-machine-learning-engineer",
            "data-scientist-vs-data-engineer",
        ],
    },
    {
        "title": "Data Analyst vs Analytics Engineer",
        "slug": "data-analyst-vs-analytics-engineer",
        "subtitle": (
            "Both live in SQL and the warehouse; one answers questions, the other builds the "
            "tables those answers come from."
        ),
        "seo_description": (
            "Data Analyst vs Analytics Engineer: daily work, skills, tools like dbt and Looker, "
            "and how analysts make the move into analytics engineering."
        ),
        "first_role": "data-analyst",
        "second_role": "analytics-engineer",
        "status": "published",
        "published": date(2025, 5, 6),
        "introduction": (
            "Analytics engineering grew out of a familiar problem: analysts writing the same long "
            "queries again and again, each with slightly different logic, until two dashboards "
            "disagree about last month's revenue. An **analytics engineer** fixes that by building "
            "tested, documented models in the warehouse. A **data analyst** uses those models to "
            "answer questions and explain what is happening in the business.\n\n"
            "Because the two share SQL and the same warehouse, analytics engineering is one of the "
            "most common next steps for analysts who enjoy the building more than the presenting."
        ),
        "sections": [
            {"kind": "definition"},
            {
                "kind": "responsibilities",
                "notes": {
                    "data-analyst": (
                        "Analysts face the stakeholders; a good share of the job is conversation, "
                        "not queries."
                    ),
                    "analytics-engineer": (
                        "Analytics engineers face the codebase; their main users are the analysts "
                        "themselves."
                    ),
                },
            },
            {
                "kind": "skills",
                "notes": {
                    "data-analyst": (
                        "Communication and domain knowledge carry as much weight as SQL."
                    ),
                    "analytics-engineer": (
                        "The jump from analyst is mostly about engineering habits: testing, code "
                        "review and building reusable models instead of one-off queries."
                    ),
                },
            },
            {
                "kind": "education",
                "notes": {
                    "analytics-engineer": (
                        "Few people start here. The usual route is a year or more as an analyst, "
                        "then learning dbt, Git and testing on the job."
                    ),
                },
            },
            {
                "kind": "tools",
                "notes": {
                    "data-analyst": "The BI tool is the analyst's main workplace.",
                    "analytics-engineer": (
                        "dbt and Git are the analytics engineer's; the BI tool is where their work "
                        "gets used."
                    ),
                },
            },
            {
                "kind": "industries",
                "notes": {
                    "analytics-engineer": (
                        "The title is most common where several teams read from one cloud "
                        "warehouse: SaaS, e-commerce and fintech especially."
                    ),
                },
            },
            {
                "kind": "custom",
                "heading": "Who owns a metric",
                "notes": {
                    "data-analyst": (
                        "The analyst usually owns the *question*: what the metric should capture, "
                        "which edge cases matter to the business, and what a change in it means."
                    ),
                    "analytics-engineer": (
                        "The analytics engineer owns the *implementation*: one tested model that "
                        "computes the metric the same way everywhere, with documentation and an "
                        "alert if its inputs break."
                    ),
                },
            },
        ],
        "outlook": (
            "Analyst roles remain one of the most common entry points into data work, and the job "
            "is changing rather than shrinking: as AI assistants write more routine SQL, analysts "
            "who understand the business and can judge whether a number makes sense become more "
            "valuable. Analytics engineering is younger, concentrated in companies with a modern "
            "cloud warehouse and a dbt-style workflow, and it has become a recognized title with "
            "its own career ladder.\n\n"
            "From analytics engineering, people move toward [data "
            "engineering](/roles/data-engineer/), data platform leadership or analytics "
            "management. Analysts often progress to senior analyst, analytics lead, or into "
            "product and operations roles where their knowledge of the numbers is an advantage."
        ),
        "tips": [
            (
                "Version-control your queries",
                (
                    "Even as an analyst, keep your SQL in Git. It is the first habit analytics "
                    "engineering interviews look for."
                ),
            ),
            (
                "Try dbt on a public dataset",
                (
                    "Build a small project with staging and mart layers, tests and documentation. "
                    "It makes the difference between the roles concrete within a weekend."
                ),
            ),
            (
                "Define one metric properly",
                (
                    "Pick a metric your team argues about, write down its exact definition and "
                    "edge cases, and get it agreed. That is analytics engineering in miniature."
                ),
            ),
            (
                "Keep the business close",
                (
                    "Whichever role you choose, knowing why a number matters is what makes your "
                    "work trusted."
                ),
            ),
            (
                "Pick up a little Python",
                (
                    "Both roles use it for jobs SQL handles badly, such as calling APIs or "
                    "cleaning messy files."
                ),
            ),
        ],
        "conclusion": (
            "Stay on the analyst path if you enjoy working with people, explaining results and "
            "steering decisions. Move toward analytics engineering if you find yourself more "
            "interested in making the data right than in what it says. Either way, the shared "
            "foundation — careful SQL and a clear sense of what each metric means — carries over "
            "completely."
        ),
        "related": [
            "data-scientist-vs-data-engineer",
            "machine-learning-engineer-vs-data-scientist",
        ],
    },
    {
        "title": "MLOps Engineer vs Machine Learning Engineer",
        "slug": "mlops-engineer-vs-machine-learning-engineer",
        "subtitle": (
            "One builds models that run in production, the other builds the platform they run on."
        ),
        "seo_description": (
            "MLOps Engineer vs Machine Learning Engineer: who owns what, the skills and tools each "
            "needs, and how to move between the two roles."
        ),
        "first_role": "mlops-engineer",
        "second_role": "machine-learning-engineer",
        "status": "published",
        "published": date(2025, 8, 12),
        "introduction": (
            "In a small team, one person often does both jobs. As an organization runs more "
            "models, the work splits: **machine learning engineers** own particular models and the "
            "product features built on them, while **MLOps engineers** own the shared machinery — "
            "training infrastructure, deployment pipelines, registries and monitoring — that every "
            "model depends on.\n\n"
            "A useful test: if a single model's accuracy drops, the ML engineer investigates. If "
            "every team's deployments are slow or failing, the MLOps engineer does."
        ),
        "sections": [
            {"kind": "definition"},
            {
                "kind": "responsibilities",
                "notes": {
                    "mlops-engineer": (
                        "The customers are internal: other engineers who need to train, ship and "
                        "observe models without reinventing the plumbing."
                    ),
                    "machine-learning-engineer": (
                        "The customers are product teams and end users, through the predictions "
                        "the model makes."
                    ),
                },
            },
            {
                "kind": "skills",
                "notes": {
                    "mlops-engineer": (
                        "Infrastructure depth matters more than modeling depth, but you need to "
                        "know enough ML to understand why a retraining job needs what it asks for."
                    ),
                },
            },
            {
                "kind": "education",
                "notes": {
                    "mlops-engineer": (
                        "Operations experience counts heavily; many MLOps engineers have no formal "
                        "ML training and learn it on the job."
                    ),
                },
            },
            {
                "kind": "tools",
                "notes": {
                    "mlops-engineer": (
                        "Both roles touch Docker and MLflow; the MLOps engineer is usually the one "
                        "who runs them for everyone else."
                    ),
                },
            },
            {
                "kind": "industries",
                "notes": {
                    "machine-learning-engineer": (
                        "Any company that serves predictions to customers hires ML engineers; "
                        "dedicated MLOps roles follow once there are several such teams."
                    ),
                },
            },
            {
                "kind": "custom",
                "heading": "Who gets paged",
                "notes": {
                    "mlops-engineer": (
                        "The MLOps engineer is paged when the platform misbehaves: a serving "
                        "cluster runs out of GPU memory, the model registry is unreachable, or "
                        "deployments hang for every team."
                    ),
                    "machine-learning-engineer": (
                        "The ML engineer is paged when their model misbehaves: predictions drift, "
                        "a feature arrives empty, or latency breaks a product's budget. Clear "
                        "ownership prevents the worst incidents, where each side assumes the other "
                        "is looking."
                    ),
                },
            },
        ],
        "outlook": (
            "MLOps roles tend to appear once a company has enough models that deploying them by "
            "hand becomes the bottleneck. Regulated industries such as finance and healthcare add "
            "further demand, because they need traceable, auditable deployments. Serving large "
            "language models has also created new platform work around GPU capacity, cost control "
            "and evaluation pipelines.\n\n"
            "Machine learning engineering remains the broader and more common title. People move "
            "both ways: ML engineers who enjoy infrastructure drift toward platform teams, and "
            "MLOps engineers who want to be closer to the product pick up modeling. Senior paths "
            "include ML platform lead, staff engineer and [lead machine learning "
            "engineer](/roles/lead-machine-learning-engineer/)."
        ),
        "tips": [
            (
                "Automate your own deployment first",
                (
                    "Take a model you built and give it a CI pipeline, a container, a registry "
                    "entry and a dashboard. It is the fastest way to see which half of the work "
                    "you prefer."
                ),
            ),
            (
                "Learn Kubernetes for MLOps",
                (
                    "Most ML platforms run on it. Being able to debug a pod that will not schedule "
                    "on a GPU node is a daily skill, not a niche one."
                ),
            ),
            (
                "Measure cost, not just speed",
                (
                    "Platform teams are judged partly on spend. A portfolio project that shows how "
                    "you reduced serving cost is unusual and memorable."
                ),
            ),
            (
                "Keep one foot in modeling",
                (
                    "MLOps engineers who can read a training script and spot a data leak earn "
                    "trust from the teams they support."
                ),
            ),
            (
                "Write the runbook",
                (
                    "Document how to roll back a bad model in five steps or fewer. It is "
                    "unglamorous work, and interviewers for both roles notice candidates who think "
                    "about it."
                ),
            ),
        ],
        "conclusion": (
            "Choose MLOps if you like building tools that many teams rely on and care about "
            "reliability, automation and cost. Choose machine learning engineering if you want to "
            "own models and the product outcomes they drive. The roles share enough ground that a "
            "few years in either makes you better at the other."
        ),
        "related": [
            "machine-learning-engineer-vs-data-scientist",
            "deep-learning-engineer-vs-lead-machine-learning-engineer",
        ],
    },
    {
        "title": "AI Research Scientist vs Deep Learning Engineer",
        "slug": "ai-research-scientist-vs-deep-learning-engineer",
        "subtitle": (
            "Both work at the edge of what neural networks can do; one is paid to find new "
            "methods, the other to make them work."
        ),
        "seo_description": (
            "AI Research Scientist vs Deep Learning Engineer: research vs applied work, PhD "
            "expectations, skills, tools and how people move between them."
        ),
        "first_role": "ai-research-scientist",
        "second_role": "deep-learning-engineer",
        "status": "published",
        "published": date(2025, 11, 4),
        "introduction": (
            "An **AI research scientist** asks whether a new idea works and why. A **deep learning "
            "engineer** asks how to make a known idea work reliably on this data, at this cost, by "
            "this date. In industry labs the two collaborate daily and the boundary is blurry — "
            "research scientists write a lot of code, and deep learning engineers run a lot of "
            "experiments.\n\n"
            "The clearest practical difference is at the door: research roles usually expect a PhD "
            "and publications, while deep learning engineering roles hire on demonstrated skill."
        ),
        "sections": [
            {"kind": "definition"},
            {
                "kind": "responsibilities",
                "notes": {
                    "ai-research-scientist": (
                        "Success is measured in findings that hold up, whether or not they ship."
                    ),
                    "deep-learning-engineer": (
                        "Success is measured in models that meet a target and reach users."
                    ),
                },
            },
            {
                "kind": "skills",
                "notes": {
                    "ai-research-scientist": (
                        "Mathematical depth and taste in problems matter most; coding speed lets "
                        "you test more ideas."
                    ),
                    "deep-learning-engineer": (
                        "Engineering rigor matters most: dependable pipelines, efficient training "
                        "and careful measurement."
                    ),
                },
            },
            {
                "kind": "education",
                "notes": {
                    "ai-research-scientist": (
                        "The PhD is less about the credential than the evidence that you can run a "
                        "multi-year research program on your own."
                    ),
                    "deep-learning-engineer": (
                        "Graduate study helps but is not a gate; reproduced papers and solid "
                        "engineering can carry an application."
                    ),
                },
            },
            {
                "kind": "tools",
                "notes": {
                    "deep-learning-engineer": (
                        "The toolkits overlap almost completely; the engineer's extends further "
                        "into deployment and profiling."
                    ),
                },
            },
            {
                "kind": "industries",
                "notes": {
                    "ai-research-scientist": (
                        "Research roles concentrate in large AI labs, big tech and a smaller set "
                        "of well-funded startups and institutes."
                    ),
                },
            },
            {
                "kind": "custom",
                "heading": "How a research idea reaches a product",
                "notes": {
                    "ai-research-scientist": (
                        "The research scientist shows that a new training method improves results "
                        "on a benchmark and writes it up with ablations that isolate what helps."
                    ),
                    "deep-learning-engineer": (
                        "The deep learning engineer then tests whether the gain survives on "
                        "company data, at production scale and within the latency budget. Often it "
                        "shrinks; sometimes it vanishes. Working out why is where both roles learn "
                        "the most."
                    ),
                },
            },
        ],
        "outlook": (
            "Research scientist positions are few and competitive, concentrated in organizations "
            "that can afford long-horizon work and large compute budgets. Deep learning "
            "engineering is far more widely hired, because every company adapting pretrained "
            "models needs people who can fine-tune, evaluate and serve them.\n\n"
            "The research engineer title sits between the two and is a common bridge: engineers "
            "who support research teams often co-author papers, and some move into scientist "
            "roles. Research scientists, for their part, frequently move into applied leadership "
            "or found startups around their work."
        ),
        "tips": [
            (
                "Publish or reproduce",
                (
                    "For research roles, a first-author paper at a recognized venue is the "
                    "strongest signal. For engineering roles, a careful reproduction with public "
                    "code is the next best thing."
                ),
            ),
            (
                "Pick a narrow area",
                (
                    "Both roles reward depth. Choose a sub-field — efficient training, retrieval, "
                    "vision transformers — and read everything in it for a year."
                ),
            ),
            (
                "Practice explaining results",
                (
                    "Research interviews include a talk on your work; engineering interviews ask "
                    "you to justify design choices. Both depend on explaining clearly."
                ),
            ),
            (
                "Consider research engineering",
                (
                    "If you want to be near research without a PhD, research engineer roles are "
                    "the most direct route."
                ),
            ),
            (
                "Budget your compute",
                (
                    "Learn to estimate what a training run will cost before you launch it. Both "
                    "roles are judged partly on how much they learn per GPU hour."
                ),
            ),
        ],
        "conclusion": (
            "Choose research if open questions excite you more than deadlines and you are prepared "
            "for a long training path. Choose deep learning engineering if you want to apply new "
            "methods to real problems and see them used. Many careers include both, and the skills "
            "transfer well in either direction. Compare the engineering side with leadership in "
            "[Deep Learning Engineer vs Lead Machine Learning "
            "Engineer](/guides/deep-learning-engineer-vs-lead-machine-learning-engineer/)."
        ),
        "related": [
            "deep-learning-engineer-vs-lead-machine-learning-engineer",
            "what-does-a-computer-vision-engineer-do",
        ],
    },
    {
        "title": "What Does a Computer Vision Engineer Do?",
        "slug": "what-does-a-computer-vision-engineer-do",
        "subtitle": (
            "A practical look at the work, skills, tools and industries behind systems that see."
        ),
        "seo_description": (
            "What does a computer vision engineer do? Daily work, skills, education, tools like "
            "OpenCV and TensorRT, and the industries that hire them."
        ),
        "first_role": "computer-vision-engineer",
        "second_role": None,
        "status": "published",
        "published": date(2026, 3, 17),
        "introduction": (
            "Computer vision engineers build the software behind cameras that count, inspect, read "
            "and steer. Their models check welds on a production line, read handwritten forms, "
            "track players in sports footage and help cars stay in their lane.\n\n"
            "It is a field where the lab result is only half the job. A detector that scores well "
            "on a benchmark can fail under a factory's flickering lights or a new camera lens, so "
            "much of the work is data collection, careful testing and squeezing models onto small "
            "hardware."
        ),
        "sections": [
            {"kind": "definition"},
            {
                "kind": "responsibilities",
                "notes": {
                    "computer-vision-engineer": (
                        "On most projects, data curation and evaluation take more time than model "
                        "training."
                    ),
                },
            },
            {
                "kind": "skills",
                "notes": {
                    "computer-vision-engineer": (
                        "Strong C++ is a real differentiator for robotics and automotive roles, "
                        "where models run inside real-time systems."
                    ),
                },
            },
            {
                "kind": "education",
                "notes": {
                    "computer-vision-engineer": (
                        "Robotics and automotive perception teams hire more graduate degrees; "
                        "manufacturing and retail projects hire more on portfolio."
                    ),
                },
            },
            {
                "kind": "tools",
                "notes": {
                    "computer-vision-engineer": (
                        "OpenCV remains essential for the non-learned parts of the pipeline, from "
                        "resizing to calibration."
                    ),
                },
            },
            {
                "kind": "industries",
                "notes": {
                    "computer-vision-engineer": (
                        "Manufacturing and agriculture often see the most direct payoff: a camera "
                        "and a model replacing a slow manual check."
                    ),
                },
            },
            {
                "kind": "custom",
                "heading": "A typical project",
                "intro": (
                    "Here is how a modest industrial project tends to unfold, from request to "
                    "deployment."
                ),
                "notes": {
                    "computer-vision-engineer": (
                        "A manufacturer wants to catch scratched parts. The engineer visits the "
                        "line, picks a camera and lighting setup, collects a few thousand images "
                        "and writes labeling rules for what counts as a scratch. After training a "
                        "first detector, most of the effort goes into the hard cases: reflections, "
                        "rare defect types, and parts that arrive at odd angles. The final model "
                        "is quantized to run on an embedded GPU beside the conveyor, with a "
                        "dashboard showing how often it flags parts and how often operators "
                        "disagree."
                    ),
                },
            },
        ],
        "outlook": (
            "Vision work is spreading beyond big tech into manufacturing, agriculture, retail and "
            "healthcare, often on edge devices rather than in the cloud. Pretrained vision and "
            "vision-language models have lowered the cost of a first prototype, which shifts the "
            "value toward engineers who can collect the right data, evaluate honestly and deploy "
            "under tight hardware limits.\n\n"
            "Career paths lead to senior and staff perception roles, robotics, and autonomy teams, "
            "or sideways into [deep learning engineering](/roles/deep-learning-engineer/) and "
            "[machine learning engineering](/roles/machine-learning-engineer/)."
        ),
        "tips": [
            (
                "Build with a real camera",
                (
                    "A project using your own phone or webcam footage teaches more about lighting, "
                    "blur and domain shift than any benchmark dataset."
                ),
            ),
            (
                "Learn the classical tools",
                (
                    "Camera calibration, geometry and basic image processing solve many problems "
                    "without training anything, and interviewers test them."
                ),
            ),
            (
                "Deploy to small hardware",
                (
                    "Running a model on a Raspberry Pi or Jetson board, with measured frame rates, "
                    "sets your portfolio apart."
                ),
            ),
            (
                "Show your failure cases",
                (
                    "Include a gallery of images your model gets wrong and what you did about "
                    "them. It shows the judgment employers look for."
                ),
            ),
            (
                "Learn annotation tooling",
                (
                    "Set up a labeling project in a tool such as CVAT and write guidelines someone "
                    "else could follow. Data quality questions dominate real vision work."
                ),
            ),
        ],
        "conclusion": (
            "Computer vision suits engineers who like tangible results — a model you can watch "
            "working on a live feed — and who are willing to spend as much time on data and "
            "hardware as on neural networks. If that sounds right, start with a small, real "
            "problem and take it all the way to a device."
        ),
        "related": [
            "nlp-engineer-vs-computer-vision-engineer",
            "ai-research-scientist-vs-deep-learning-engineer",
        ],
    },
    {
        "title": "NLP Engineer vs Computer Vision Engineer",
        "slug": "nlp-engineer-vs-computer-vision-engineer",
        "subtitle": (
            "Two applied ML specialisms, one built on text and one on pixels, with surprisingly "
            "different daily work."
        ),
        "seo_description": (
            "NLP Engineer vs Computer Vision Engineer: how text and image work differ in skills, "
            "tools, evaluation, hardware and the industries hiring."
        ),
        "first_role": "nlp-engineer",
        "second_role": "computer-vision-engineer",
        "status": "draft",
        "published": date(2026, 10, 20),
        "introduction": (
            "NLP and computer vision engineers use the same core tools — PyTorch, pretrained "
            "transformers, GPUs — but the problems feel different in practice. An **NLP engineer** "
            "works with text: documents, tickets, search queries and increasingly large language "
            "models. A **computer vision engineer** works with images and video, often from "
            "cameras in the physical world.\n\n"
            "The differences show up in evaluation, deployment and the data itself, and they "
            "matter more for day-to-day satisfaction than the shared theory."
        ),
        "sections": [
            {"kind": "definition"},
            {
                "kind": "responsibilities",
                "notes": {
                    "nlp-engineer": (
                        "Evaluation is the hard part: checking whether free-form text is correct "
                        "often needs human reviewers or carefully built test sets."
                    ),
                    "computer-vision-engineer": (
                        "Deployment is often the hard part: models must run in real time on "
                        "cameras, phones or embedded boards."
                    ),
                },
            },
            {
                "kind": "skills",
                "notes": {
                    "nlp-engineer": (
                        "Comfort with ambiguity helps: many language tasks have no single right "
                        "answer."
                    ),
                    "computer-vision-engineer": (
                        "Geometry and image processing knowledge is what sets vision engineers "
                        "apart from general ML engineers."
                    ),
                },
            },
            {
                "kind": "education",
                "notes": {
                    "nlp-engineer": (
                        "Linguistics training is rarer than a computer science degree, but it "
                        "helps when designing annotation schemes and evaluations."
                    ),
                },
            },
            {
                "kind": "tools",
                "notes": {
                    "nlp-engineer": (
                        "Retrieval and serving tools such as vector indexes and vLLM have joined "
                        "the core NLP toolkit."
                    ),
                    "computer-vision-engineer": (
                        "Edge runtimes such as TensorRT and ONNX Runtime are as important as the "
                        "training framework."
                    ),
                },
            },
            {
                "kind": "industries",
                "notes": {
                    "nlp-engineer": (
                        "Text is everywhere, so NLP roles appear in almost any sector that handles "
                        "documents or customer conversations."
                    ),
                    "computer-vision-engineer": (
                        "Vision roles lean toward industries with physical operations: factories, "
                        "vehicles, farms and stores."
                    ),
                },
            },
            {
                "kind": "custom",
                "heading": "What debugging looks like",
                "notes": {
                    "nlp-engineer": (
                        "A support assistant starts giving confident wrong answers. The NLP "
                        "engineer traces the failure to retrieval: the relevant help article had "
                        "been split across two chunks. The fix is a new chunking rule plus three "
                        "test cases added to the evaluation set."
                    ),
                    "computer-vision-engineer": (
                        "A shelf-monitoring model misses products in one store. The vision "
                        "engineer pulls sample frames and finds that new lighting washes out the "
                        "labels. The fix is fresh training images under that lighting and an "
                        "automatic check on image brightness."
                    ),
                },
            },
        ],
        "outlook": (
            "NLP hiring has been reshaped by large language models: many roles now center on "
            "building reliable applications around hosted or open models, with emphasis on "
            "retrieval, evaluation and cost. Computer vision demand is steadier and more tied to "
            "physical industries — manufacturing, automotive, agriculture, retail — where cameras "
            "and edge devices keep spreading.\n\n"
            "Both paths lead to senior specialist roles, applied research, or broader [machine "
            "learning engineering](/roles/machine-learning-engineer/) and leadership. Multimodal "
            "models that handle text and images together are making people comfortable in both "
            "areas increasingly useful."
        ),
        "tips": [
            (
                "Try a project in each",
                (
                    "Build a small document Q&A system and a small object detector. A weekend on "
                    "each will tell you which kind of debugging you enjoy."
                ),
            ),
            (
                "Invest in evaluation for NLP",
                (
                    "A well-designed test set with clear scoring rules is the most persuasive NLP "
                    "portfolio piece."
                ),
            ),
            (
                "Invest in deployment for vision",
                "Show a model running at a measured frame rate on real hardware.",
            ),
            (
                "Watch multimodal work",
                (
                    "Vision-language models sit between the two fields; experience with them is "
                    "useful whichever way you go."
                ),
            ),
            (
                "Read failures, not just scores",
                (
                    "In both fields, looking through fifty wrong predictions teaches more than a "
                    "leaderboard number. Make it a habit before every model change."
                ),
            ),
        ],
        "conclusion": (
            "Choose NLP if you enjoy language, ambiguity and building products around models that "
            "talk. Choose computer vision if you like working with the physical world, hardware "
            "and measurable real-time results. The shared foundation means switching later is very "
            "possible."
        ),
        "related": [
            "what-does-a-computer-vision-engineer-do",
            "machine-learning-engineer-vs-data-scientist",
        ],
    },
]
