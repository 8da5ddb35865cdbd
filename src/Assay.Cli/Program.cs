return Assay.Cli.AssayCommand.Run(args);
