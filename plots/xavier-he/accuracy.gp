# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): label, mean accuracy (%), standard deviation over seeds (%), bar text.
$accuracy << EOD
"PyTorch default" 86.100 0.397 "86.10%"
"Keras default (Glorot uniform)" 86.397 0.302 "86.40%"
"Xavier uniform" 86.133 0.306 "86.13%"
"Xavier normal" 86.292 0.296 "86.29%"
"He uniform" 86.158 0.278 "86.16%"
"He normal" 86.317 0.338 "86.32%"
"LeCun uniform" 85.989 0.250 "85.99%"
"LeCun normal" 86.153 0.560 "86.15%"
EOD
reset
set terminal pngcairo size 960,600 noenhanced font "sans,11"
set output "accuracy.png"
set title "Xavier, He and LeCun against the frameworks' defaults (the lesson's ReLU network, 3 seeds): validation accuracy"
set ylabel "Validation accuracy (%)"
set yrange [0:105]
set xrange [-0.6:7.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics rotate by -25 scale 0
set bmargin 7
plot $accuracy using 0:2:xtic(1) with boxes linecolor rgb "#4C72B0" notitle, \
     $accuracy using 0:2:3 with yerrorbars linecolor rgb "black" pointtype -1 notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ",9" notitle
