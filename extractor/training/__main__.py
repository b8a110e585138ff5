from extractor.training.cli import main

main()
