"""Time the synthetic authority generator against the configured database (DATABASE_URL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/journey_bench .venv/bin/python benchmarks/generate.py --children 50000

Prints the elapsed time, rows per table and the headline rates; never asserts a time. Refuses a database that
already has children unless --flush is given.
"""
import argparse
import os
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--children", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--flush", action="store_true", help="Remove an earlier generated authority first.")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journey.settings")
    os.environ.setdefault("JOURNEY_DEBUG", "true")
    import django

    django.setup()
    from django.db import connection

    from journey.synthetic.flush import flush_generated, row_counts
    from journey.synthetic.generate import GenerationRefused, generate_authority, progress_bars
    from journey.synthetic.measures import measure, measure_protection

    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    try:
        if options.flush:
            flush_generated()
        load = os.getloadavg()[0]
        started, cpu = time.monotonic(), time.process_time()
        result = generate_authority(options.children, options.seed, progress=progress_bars())
        elapsed, cpu = time.monotonic() - started, time.process_time() - cpu
    except GenerationRefused as refusal:
        sys.exit(str(refusal))
    counts = row_counts()
    print(f"Generated {options.children:,} children (seed {options.seed}) in {elapsed:.1f} s "
          f"({cpu:.1f} s of this process's CPU; load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)")
    print("Phases (history and writing overlap on PostgreSQL): "
          + ", ".join(f"{phase} {seconds:.1f} s" for phase, seconds in result.phases.items()))
    for table, count in counts.items():
        print(f"  {table:<32} {count:>10,}")
    print(f"  {'total':<32} {sum(counts.values()):>10,}  ({sum(result.written.values()) / elapsed:,.0f} rows/s written)")
    figures = measure(options.children)
    print(f"Referrals per 10,000 a year: {figures.referrals_per_10k_per_year:.0f}; contacts per referral: "
          f"{figures.contacts_per_referral:.1f}; re-referrals within 12 months: {figures.re_referral_share:.0%}")
    print(f"On a child protection plan now per 10,000: {figures.protection_per_10k:.0f}; "
          f"looked after: {figures.looked_after_per_10k:.0f}")
    cp = measure_protection(options.children)
    print(f"Child protection per 10,000 a year: strategy discussions {cp.discussions_per_10k_per_year:.0f}, section 47 enquiries "
          f"{cp.enquiries_per_10k_per_year:.0f}, initial conferences {cp.initial_conferences_per_10k_per_year:.0f}; enquiries to an initial "
          f"conference {cp.enquiries_to_conference:.0%}, initial conferences to a plan {cp.conferences_to_plan:.0%}; on a plan at 31 March "
          f"per 10,000: {cp.on_plan_at_31_march_per_10k:.0f}; core group meetings per child on a plan "
          f"{cp.core_group_meetings_per_child_on_plan:.1f} ({cp.core_group_meetings_per_plan_year:.1f} a year of plan), "
          f"partners' reports per conference {cp.reports_per_conference:.2f}")
    print(f"Longest history: child {result.longest_child_id} ({result.longest_entries} entries)")


if __name__ == "__main__":
    main()
